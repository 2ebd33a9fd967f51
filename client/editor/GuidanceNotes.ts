import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

const key = new PluginKey<DecorationSet>('planGuidanceNotes')

/**
 * Shows a template's drafting guidance (写作提示) under each section heading that has some. It is a
 * decoration, not text: it is never printed, exported or sent to collaborators as an edit.
 */
export const GuidanceNotes = Extension.create({
  name: 'guidanceNotes',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => notes(state.doc),
          apply: (tr, old) => (tr.docChanged ? notes(tr.doc) : old),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ]
  },
})

function notes(doc: PMNode): DecorationSet {
  const list: Decoration[] = []
  doc.forEach((node, offset) => {
    const guidance = node.attrs.guidance as string | null | undefined
    if (node.type.name !== 'section' || !guidance || !node.firstChild) return
    const at = offset + 1 + node.firstChild.nodeSize
    list.push(Decoration.widget(at, () => note(guidance), { side: -1, key: `guidance-${String(node.attrs.id)}-${guidance.length}`, ignoreSelection: true }))
  })
  return DecorationSet.create(doc, list)
}

function note(text: string): HTMLElement {
  const el = document.createElement('aside')
  el.className = 'plan-guidance'
  el.contentEditable = 'false'
  const label = document.createElement('strong')
  label.textContent = '写作提示'
  el.append(label, document.createTextNode(text))
  return el
}

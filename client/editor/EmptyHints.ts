import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

const HINTS: Record<string, string> = {
  planTitle: '标题，例如：2026年闵行区教育工作要点',
  sectionHeading: '部分标题',
  subsectionHeading: '小标题',
  itemTitle: '条目主句，以句号结尾',
}

const key = new PluginKey<DecorationSet>('planEmptyHints')

/** Greyed hints in empty headings and lead sentences, so a new item or section says what to type. Never text. */
export const EmptyHints = Extension.create({
  name: 'emptyHints',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => hints(state.doc),
          apply: (tr, old) => (tr.docChanged ? hints(tr.doc) : old),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ]
  },
})

function hints(doc: PMNode): DecorationSet {
  const list: Decoration[] = []
  doc.descendants((node, pos) => {
    const hint = HINTS[node.type.name]
    if (hint && node.content.size === 0) list.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty', 'data-placeholder': hint }))
    return !node.isTextblock
  })
  return DecorationSet.create(doc, list)
}

import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PMNode } from '@tiptap/pm/model'
import { numberLabels } from './numberLabels.ts'
import { changesOnlyText } from './textOnly.ts'

/** Plugin key of the numbering decorations, for reading the current labels. */
export const numberingKey = new PluginKey<DecorationSet>('planNumbering')

/**
 * Shows 一、 （一） 1. on headings and item titles as a data-number attribute (rendered by CSS).
 * Numbers are recomputed from document order on every change of structure (and moved along with
 * the text when only text changed), so they are never typed text and every collaborator sees the
 * same numbers after any insert, delete or move.
 */
export const Numbering = Extension.create({
  name: 'numbering',
  addProseMirrorPlugins: () => [numberingPlugin()],
})

/** The ProseMirror plugin behind Numbering, usable on a bare EditorState. */
export function numberingPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_, state) => decorate(state.doc),
      // Typing inside a heading or item changes no number: the labels move with the text.
      apply: (tr, old) => (!tr.docChanged ? old : changesOnlyText(tr) ? old.map(tr.mapping, tr.doc) : decorate(tr.doc)),
    },
    props: { decorations: (state) => numberingKey.getState(state) },
  })
}

function decorate(doc: PMNode): DecorationSet {
  const decorations = numberLabels(doc).map((l) => Decoration.node(l.pos, l.end, { 'data-number': l.label }))
  return DecorationSet.create(doc, decorations)
}

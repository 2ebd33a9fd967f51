import type { Command } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import type { Selection } from '@tiptap/pm/state'
import { newId } from '../../plan/ids.ts'
import { newItemNode } from './newItemNode.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    insertPlanSection: {
      /** Inserts a new section (empty heading and one empty item) after the current section and puts the cursor in its heading. */
      insertPlanSection: () => ReturnType
    }
  }
}

/**
 * Inserts a new section after the one holding the cursor (before the first section from the title
 * or preamble, after the last from the closing), with an empty heading and one empty item.
 */
export const insertPlanSection =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const at = newSectionPosition(tr.doc, tr.selection)
    if (dispatch) {
      const { schema } = state
      const section = schema.nodes.section.create({ id: newId('s') }, [schema.nodes.sectionHeading.create(), newItemNode(schema)])
      tr.insert(at, section)
      tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView()
    }
    return true
  }

function newSectionPosition(doc: PMNode, selection: Selection): number {
  const { $from } = selection
  if ($from.depth > 0 && $from.node(1).type.name === 'section') return $from.after(1)
  // Sections come after the preamble and before the closing.
  let firstSection = -1
  let closing = -1
  doc.forEach((node, offset) => {
    if (node.type.name === 'section' && firstSection < 0) firstSection = offset
    if (node.type.name === 'closing') closing = offset
  })
  const inClosing = $from.depth > 0 && $from.node(1).type.name === 'closing'
  if (!inClosing && firstSection >= 0) return firstSection
  return closing >= 0 ? closing : doc.content.size
}

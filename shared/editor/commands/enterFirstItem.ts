import type { Command } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { containerAt } from './containerAt.ts'
import { newItemNode } from './newItemNode.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    enterFirstItem: {
      /** In a section or sub-section heading: moves to the lead sentence of its first item, making one when it has none. */
      enterFirstItem: () => ReturnType
    }
  }
}

/** Enter in a heading goes to the first item below it rather than splitting the heading. */
export const enterFirstItem =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const { $from } = tr.selection
    const name = $from.parent.type.name
    if (name !== 'sectionHeading' && name !== 'subsectionHeading') return false
    const container = containerAt($from)
    if (!container) return false
    if (dispatch) {
      const first = container.items[0]
      if (!first) tr.insert(container.itemsStart, newItemNode(state.schema))
      const at = first ? first.pos : container.itemsStart
      tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView()
    }
    return true
  }

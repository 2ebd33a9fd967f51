import type { Command } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { findItem } from './findItem.ts'
import { newItemNode } from './newItemNode.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    newItemFromEmptyParagraph: {
      /** Enter on an empty last paragraph of an item: removes it and starts a new item below (as lists do). */
      newItemFromEmptyParagraph: () => ReturnType
    }
  }
}

/** Turns Enter on an empty last body paragraph into "start the next item", like leaving a list. */
export const newItemFromEmptyParagraph =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const { $from, empty } = tr.selection
    const item = findItem($from)
    if (!empty || !item || $from.parent.type.name !== 'paragraph' || $from.parent.content.size > 0) return false
    if ($from.index($from.depth - 1) !== item.node.childCount - 1) return false
    if (dispatch) {
      tr.delete($from.before(), $from.after())
      const at = tr.mapping.map(item.pos + item.node.nodeSize)
      tr.insert(at, newItemNode(state.schema))
      tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView()
    }
    return true
  }

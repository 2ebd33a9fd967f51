import type { Command } from '@tiptap/core'
import { Selection, TextSelection } from '@tiptap/pm/state'
import { selectedItem } from './findItem.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    deletePlanItem: {
      /** Deletes the current item; the items after it renumber. */
      deletePlanItem: () => ReturnType
    }
  }
}

/** Deletes the current item and puts the cursor at the start of the item that takes its place (or the end of the text before). */
export const deletePlanItem =
  (): Command =>
  ({ tr, dispatch }) => {
    const item = selectedItem(tr.selection)
    if (!item) return false
    if (dispatch) {
      tr.delete(item.pos, item.pos + item.node.nodeSize)
      const following = tr.doc.nodeAt(item.pos)
      const selection = following?.type.name === 'item' ? TextSelection.create(tr.doc, item.pos + 2) : Selection.near(tr.doc.resolve(item.pos), -1)
      tr.setSelection(selection).scrollIntoView()
    }
    return true
  }

import type { Command } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    movePlanItem: {
      /** Moves the item that starts at `from` to the item slot at `to` (a position between items, in the current document). */
      movePlanItem: (from: number, to: number) => ReturnType
    }
  }
}

/**
 * Moves a whole item (its id and carried flag go with it) to another place between items, in the
 * same or another section; the cursor keeps its place inside the moved item.
 */
export const movePlanItem =
  (from: number, to: number): Command =>
  ({ tr, dispatch }) => {
    const item = tr.doc.nodeAt(from)
    if (!item || item.type.name !== 'item') return false
    const end = from + item.nodeSize
    // Dropping an item onto its own place is no move.
    if (to >= from && to <= end) return false
    const $to = tr.doc.resolve(to)
    if (!$to.parent.canReplaceWith($to.index(), $to.index(), item.type)) return false
    if (dispatch) {
      const { from: selFrom } = tr.selection
      const inside = selFrom > from && selFrom < end ? selFrom - from : 1
      tr.delete(from, end)
      const target = tr.mapping.map(to)
      tr.insert(target, item)
      tr.setSelection(TextSelection.near(tr.doc.resolve(target + inside)))
      tr.scrollIntoView()
    }
    return true
  }

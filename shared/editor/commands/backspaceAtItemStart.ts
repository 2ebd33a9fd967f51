import type { Command } from '@tiptap/core'
import { Selection } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    backspaceAtItemStart: {
      /** Backspace at the start of a lead sentence or heading: removes an empty item or section, otherwise moves the cursor back without breaking structure. */
      backspaceAtItemStart: () => ReturnType
    }
  }
}

const STRUCTURAL = new Set(['itemTitle', 'sectionHeading', 'subsectionHeading', 'planTitle'])

/**
 * Backspace at the start of an item's lead sentence or a heading never turns it into a paragraph
 * or joins it into the block above (which would break the plan's structure). An item or section
 * with no text at all is removed (undoing Mod-Enter / Mod-Shift-Enter); otherwise the cursor just
 * moves to the end of the text before.
 */
export const backspaceAtItemStart =
  (): Command =>
  ({ tr, dispatch }) => {
    const { $from, empty } = tr.selection
    if (!empty || $from.parentOffset !== 0 || !STRUCTURAL.has($from.parent.type.name)) return false
    if (dispatch) {
      // A lead sentence or heading is the first child of the item or section it names.
      const removable = $from.parent.type.name !== 'planTitle' && $from.node(-1).textContent.length === 0
      const from = removable ? $from.before(-1) : $from.before()
      if (removable) tr.delete(from, $from.after(-1))
      const before = Selection.findFrom(tr.doc.resolve(from), -1, true)
      if (before) tr.setSelection(before).scrollIntoView()
    }
    return true
  }

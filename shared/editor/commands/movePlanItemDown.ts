import type { Command } from '@tiptap/core'
import { selectedItem } from './findItem.ts'
import { itemMoveTarget } from './itemMoveTarget.ts'
import { movePlanItem } from './movePlanItem.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    movePlanItemDown: {
      /** Moves the current item one place down; from a section's last item into the start of the next section. */
      movePlanItemDown: () => ReturnType
    }
  }
}

/** Moves the current item one place down in numbering order, across section boundaries. */
export const movePlanItemDown = (): Command => (props) => {
  const item = selectedItem(props.tr.selection)
  if (!item) return false
  const to = itemMoveTarget(props.tr.doc, item.pos, 'down')
  return to !== null && movePlanItem(item.pos, to)(props)
}

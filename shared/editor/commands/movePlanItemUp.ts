import type { Command } from '@tiptap/core'
import { selectedItem } from './findItem.ts'
import { itemMoveTarget } from './itemMoveTarget.ts'
import { movePlanItem } from './movePlanItem.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    movePlanItemUp: {
      /** Moves the current item one place up; from a section's first item into the end of the previous section. */
      movePlanItemUp: () => ReturnType
    }
  }
}

/** Moves the current item one place up in numbering order, across section boundaries. */
export const movePlanItemUp = (): Command => (props) => {
  const item = selectedItem(props.tr.selection)
  if (!item) return false
  const to = itemMoveTarget(props.tr.doc, item.pos, 'up')
  return to !== null && movePlanItem(item.pos, to)(props)
}

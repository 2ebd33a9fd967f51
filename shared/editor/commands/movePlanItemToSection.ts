import type { Command } from '@tiptap/core'
import { selectedItem } from './findItem.ts'
import { itemContainers } from './itemContainers.ts'
import { movePlanItem } from './movePlanItem.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    movePlanItemToSection: {
      /** Moves the current item to the end (or start) of the items of the section or sub-section with this id. */
      movePlanItemToSection: (containerId: string, where?: 'start' | 'end') => ReturnType
    }
  }
}

/** Moves the current item into another section or sub-section, as its last (or first) item. */
export const movePlanItemToSection =
  (containerId: string, where: 'start' | 'end' = 'end'): Command =>
  (props) => {
    const item = selectedItem(props.tr.selection)
    const target = itemContainers(props.tr.doc).find((c) => c.id === containerId)
    if (!item || !target) return false
    return movePlanItem(item.pos, where === 'start' ? target.itemsStart : target.itemsEnd)(props)
  }

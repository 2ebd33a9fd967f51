import type { Node as PMNode } from '@tiptap/pm/model'
import { containerOfItem, itemContainers } from './itemContainers.ts'

/**
 * Where the item at `itemPos` goes when moved one place up or down in numbering order: past its
 * neighbour, or across a section boundary to the end (up) or start (down) of the adjacent section
 * or sub-section. Null when it is already first or last.
 */
export function itemMoveTarget(doc: PMNode, itemPos: number, direction: 'up' | 'down'): number | null {
  const containers = itemContainers(doc)
  const at = containerOfItem(containers, itemPos)
  if (!at) return null
  const { items } = containers[at.index]
  if (direction === 'up') {
    if (at.itemIndex > 0) return items[at.itemIndex - 1].pos
    return at.index > 0 ? containers[at.index - 1].itemsEnd : null
  }
  const next = items[at.itemIndex + 1]
  if (next) return next.pos + next.node.nodeSize
  return at.index < containers.length - 1 ? containers[at.index + 1].itemsStart : null
}

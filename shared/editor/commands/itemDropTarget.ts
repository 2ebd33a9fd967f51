import type { Node as PMNode } from '@tiptap/pm/model'
import { containerAt } from './containerAt.ts'
import { findItem } from './findItem.ts'
import { itemContainers } from './itemContainers.ts'

/**
 * Where an item dragged over document position `pos` lands: before or after the item under the
 * pointer (by which half of it the pointer is over), at the start of a section's items when over
 * its heading or intro, first in the plan above the sections and last below them.
 */
export function itemDropTarget(doc: PMNode, pos: number, half: 'upper' | 'lower'): number | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)))
  const item = findItem($pos)
  if (item) return half === 'upper' ? item.pos : item.pos + item.node.nodeSize
  const container = containerAt($pos)
  if (container) return container.itemsStart
  const containers = itemContainers(doc)
  if (!containers.length) return null
  const inClosing = $pos.depth > 0 && $pos.node(1).type.name === 'closing'
  const afterSections = !inClosing && $pos.depth === 0 && $pos.index(0) >= doc.childCount
  return inClosing || afterSections ? containers[containers.length - 1].itemsEnd : containers[0].itemsStart
}

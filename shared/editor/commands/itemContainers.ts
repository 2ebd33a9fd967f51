import type { Node as PMNode } from '@tiptap/pm/model'
import type { ItemAt } from './findItem.ts'

/** A section or sub-section seen as a list of items: where its items are and where new ones go. */
export interface ItemContainer {
  kind: 'section' | 'subsection'
  node: PMNode
  /** Position just before the section or sub-section node. */
  pos: number
  id: string | null
  items: ItemAt[]
  /** Where an item goes to become the container's first item (after the heading and intro). */
  itemsStart: number
  /** Where an item goes to become the container's last direct item (before any sub-section). */
  itemsEnd: number
}

/**
 * Every section and sub-section in document order, which is also numbering order: a section's own
 * items come before its sub-sections' items.
 */
export function itemContainers(doc: PMNode): ItemContainer[] {
  const containers: ItemContainer[] = []
  doc.forEach((node, offset) => {
    if (node.type.name !== 'section') return
    containers.push(container('section', node, offset))
    node.forEach((child, childOffset) => {
      if (child.type.name === 'subsection') containers.push(container('subsection', child, offset + 1 + childOffset))
    })
  })
  return containers
}

function container(kind: ItemContainer['kind'], node: PMNode, pos: number): ItemContainer {
  const items: ItemAt[] = []
  // Items follow the heading and intro paragraphs; that boundary is where a first item goes.
  let itemsStart = pos + 1
  node.forEach((child, offset) => {
    const childPos = pos + 1 + offset
    if (child.type.name === 'item') items.push({ node: child, pos: childPos })
    else if (!items.length && child.type.name !== 'subsection') itemsStart = childPos + child.nodeSize
  })
  const last = items[items.length - 1]
  const itemsEnd = last ? last.pos + last.node.nodeSize : itemsStart
  return { kind, node, pos, id: (node.attrs.id as string | null) ?? null, items, itemsStart, itemsEnd }
}

/** The container holding the item at `itemPos`, with the item's index in it. */
export function containerOfItem(containers: ItemContainer[], itemPos: number): { index: number; itemIndex: number } | null {
  for (let index = 0; index < containers.length; index++) {
    const itemIndex = containers[index].items.findIndex((it) => it.pos === itemPos)
    if (itemIndex >= 0) return { index, itemIndex }
  }
  return null
}

import type { Command } from '@tiptap/core'
import { findItem } from './findItem.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    protectStructureOnDelete: {
      /** Delete in an empty lead sentence or heading: removes an empty item, and never deletes a heading node on its own. */
      protectStructureOnDelete: () => ReturnType
    }
  }
}

const STRUCTURAL = new Set(['itemTitle', 'sectionHeading', 'subsectionHeading', 'planTitle'])

/**
 * The default Delete removes an empty text block, which for a lead sentence or heading would leave
 * an item or section without one. An empty item goes as a whole; an empty heading stays.
 */
export const protectStructureOnDelete =
  (): Command =>
  ({ tr, dispatch }) => {
    const { $from, empty } = tr.selection
    if (!empty || !STRUCTURAL.has($from.parent.type.name) || $from.parent.content.size > 0) return false
    const item = findItem($from)
    if (item && dispatch && item.node.textContent.length === 0) {
      tr.delete(item.pos, item.pos + item.node.nodeSize)
      tr.scrollIntoView()
    }
    return true
  }

import type { Node as PMNode } from '@tiptap/pm/model'

/** An item node of the editor's document and where it starts. */
export interface ItemNode {
  pos: number
  node: PMNode
}

/** The item with this id, or null when it is gone (deleted since the analysis ran). */
export function findItemNode(doc: PMNode, itemId: string): ItemNode | null {
  let found: ItemNode | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (node.type.name !== 'item') return true
    if (node.attrs.id === itemId) found = { pos, node }
    // Items hold no items: never descend into their text.
    return false
  })
  return found
}

/** The id of the item containing a position (the cursor), or null outside items. */
export function itemIdAt(doc: PMNode, pos: number): string | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)))
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (node.type.name === 'item') return typeof node.attrs.id === 'string' && node.attrs.id ? node.attrs.id : null
  }
  return null
}

/** Start and end of an item's lead sentence text. */
export function leadRange(item: ItemNode): { from: number; to: number } {
  const title = item.node.firstChild
  const from = item.pos + 2
  return { from, to: from + (title?.content.size ?? 0) }
}

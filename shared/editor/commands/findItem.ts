import type { Node as PMNode, ResolvedPos } from '@tiptap/pm/model'
import { NodeSelection } from '@tiptap/pm/state'
import type { Selection } from '@tiptap/pm/state'

/** An item node and the document position just before it. */
export interface ItemAt {
  node: PMNode
  pos: number
}

/** The item containing a resolved position, or null when the position is outside every item. */
export function findItem($pos: ResolvedPos): ItemAt | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d)
    if (node.type.name === 'item') return { node, pos: $pos.before(d) }
  }
  return null
}

/** The item the selection is in, including a whole item selected as a node (as a drag selects it). */
export function selectedItem(selection: Selection): ItemAt | null {
  if (selection instanceof NodeSelection && selection.node.type.name === 'item') return { node: selection.node, pos: selection.from }
  return findItem(selection.$from)
}

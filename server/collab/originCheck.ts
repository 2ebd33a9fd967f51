import type * as Y from 'yjs'

/**
 * Why a newly integrated item does not sit between its origins, or null.
 *
 * Yjs orders concurrent inserts the same way on every replica only if each item's left origin
 * ends up to its left and its right origin to its right, in the same list, as they do when a
 * real client takes its origins from the item's neighbours. A forged or corrupted frame can name
 * other origins (a right origin in another text or left of the left origin, or one character as
 * both); Yjs then places the item by what that replica happens to hold, so the room, a client that
 * synced later and the stored log show different text (the collab fuzz test found a 修订 mark
 * ending one character apart). Checked after integration by walking from the item to each origin:
 * usually its neighbour, further only past concurrent inserts at the same place.
 */
export function originProblem(item: Y.Item): string | null {
  if (item.origin !== null && !reaches(item.left, item.origin, 'left')) return 'an item whose left origin is not to its left'
  if (item.rightOrigin !== null && !reaches(item.right, item.rightOrigin, 'right')) return 'an item whose right origin is not to its right'
  return null
}

/** Whether walking from `from` towards `side` meets the struct holding `id` (a run of characters may hold it in its middle). */
function reaches(from: Y.Item | null, id: Y.ID, side: 'left' | 'right'): boolean {
  for (let s = from; s !== null; s = s[side]) {
    if (s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length) return true
  }
  return false
}

/** Where an entry sits: new position for matched and added entries, old positions for matched and removed ones. */
export interface Placed {
  newIndex?: number
  oldIndexes: number[]
}

/**
 * Sorts diff entries into the new document's order, placing each removed entry right after the
 * match of the old entry before it, so that an inline view shows a deletion where it was.
 */
export function documentOrder<T extends Placed>(entries: T[]): T[] {
  const newOfOld = new Map<number, number>()
  for (const e of entries) if (e.newIndex !== undefined) for (const o of e.oldIndexes) newOfOld.set(o, e.newIndex)
  const matchedOld = [...newOfOld.keys()].sort((a, b) => a - b)
  const key = (e: T): [number, number, number] => {
    if (e.newIndex !== undefined) return [e.newIndex, 0, 0]
    const o = e.oldIndexes[0] ?? 0
    // The nearest matched old entry before this one anchors it.
    let anchor = -1
    for (const m of matchedOld) {
      if (m >= o) break
      anchor = newOfOld.get(m) ?? -1
    }
    return [anchor, 1, o]
  }
  const keyed = entries.map((e) => ({ e, k: key(e) }))
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
  return keyed.map((x) => x.e)
}

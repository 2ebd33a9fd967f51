import type { MarkerCandidate } from './markers.ts'

/**
 * Many plans number their entries （一）（二） directly under 一、 with no 1. 2. below: there each （一）
 * entry with its paragraph is an item. Only where numbered items follow inside a section are its
 * （一） entries sub-sections. Decided per section, since a section holds its items before its sub-sections.
 */
export function subsectionsAsItems(markers: MarkerCandidate[]): MarkerCandidate[] {
  const out: MarkerCandidate[] = []
  let group: MarkerCandidate[] = []
  const flush = (): void => {
    const hasItems = group.some((m) => m.kind === 'item')
    out.push(...group.map((m) => (m.kind === 'subsection' && !hasItems ? { ...m, kind: 'item' as const } : m)))
    group = []
  }
  for (const m of markers) {
    if (m.kind === 'section') {
      flush()
      out.push(m)
    } else group.push(m)
  }
  flush()
  return out
}

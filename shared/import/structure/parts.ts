import type { MarkerCandidate } from './markers.ts'

/**
 * 第一部分 / 第一章 headings. Alone they are the sections. Above 一、 headings they are the sections and
 * each 一、 is a sub-section, since the plan has three levels: the （一） entries then become items when
 * the text has no 1. items, and stay text inside the item otherwise.
 */
export function resolveParts(candidates: MarkerCandidate[]): MarkerCandidate[] {
  const clear = (c: MarkerCandidate): boolean => c.kind === 'section' && c.boundary !== 'none'
  const parts = candidates.some((c) => clear(c) && c.part)
  const sections = candidates.some((c) => clear(c) && !c.part)
  if (!parts || !sections) return candidates
  const hasItems = candidates.some((c) => c.kind === 'item' && c.boundary !== 'none')
  const out: MarkerCandidate[] = []
  for (const c of candidates) {
    if (c.part) out.push(c)
    else if (c.kind === 'section') out.push({ ...c, kind: 'subsection' })
    else if (c.kind === 'subsection') {
      if (!hasItems) out.push({ ...c, kind: 'item', sep: '（一）' })
    } else out.push(c)
  }
  return out
}

import type { MarkerCandidate } from './markers.ts'

/** The three ways of numbering items: 1. (with ． and 、 as variants), 1） and （1）. */
type ItemStyle = 'dot' | 'bracket' | 'paren'

function styleOf(c: MarkerCandidate): ItemStyle {
  return c.sep === '）' ? 'bracket' : c.sep === '（）' ? 'paren' : 'dot'
}

/**
 * Keeps one style of item number. Where a text numbers its items 1. and its points inside an item
 * （1）, the （1） lines are body text; a text whose items are numbered only 1） or only （1） has those
 * as items. The style is the first of 1., 1）, （1） found at a line start, so 1. wins when present.
 */
export function oneItemStyle(candidates: MarkerCandidate[]): MarkerCandidate[] {
  const atLineStart = candidates.filter((c) => c.kind === 'item' && c.boundary === 'strong').map(styleOf)
  const style: ItemStyle = (['dot', 'bracket', 'paren'] as const).find((s) => atLineStart.includes(s)) ?? 'dot'
  return candidates.filter((c) => c.kind !== 'item' || styleOf(c) === style)
}

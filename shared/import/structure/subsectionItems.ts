import { SENTENCE_END } from '../../text/chars.ts'
import type { MarkerCandidate } from './markers.ts'

/**
 * Many plans number their entries （一）（二） directly under 一、 with no 1. 2. below: there each （一）
 * entry with its paragraph is an item. Where numbered items follow inside a section, its （一） entries
 * are sub-sections; so are entries that are only heading lines (empty sub-sections of a draft). Decided
 * per section, since a section holds its items before its sub-sections.
 */
export function subsectionsAsItems(text: string, markers: MarkerCandidate[]): MarkerCandidate[] {
  const out: MarkerCandidate[] = []
  let group: MarkerCandidate[] = []
  const flush = (next: number): void => {
    const hasItems = group.some((m) => m.kind === 'item')
    const withText = group.some((m, i) => m.kind === 'subsection' && hasText(text.slice(m.end, group[i + 1]?.start ?? next)))
    const asItems = !hasItems && withText
    out.push(...group.map((m) => (m.kind === 'subsection' && asItems ? { ...m, kind: 'item' as const } : m)))
    group = []
  }
  for (const m of markers) {
    if (m.kind === 'section') {
      flush(m.start)
      out.push(m)
    } else group.push(m)
  }
  flush(text.length)
  return out
}

/** More than a heading line: a sentence, or a paragraph after the heading. */
function hasText(span: string): boolean {
  const paragraphs = span.split('\n').filter((l) => l.trim())
  return paragraphs.length > 1 || SENTENCE_END.test(span)
}

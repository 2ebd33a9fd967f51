import { PARAGRAPH_END, SENTENCE_END } from '../../text/chars.ts'
import type { MarkerCandidate } from './markers.ts'

/** Longest line taken for a heading without a numeral. */
const MAX_HEADING = 40

/**
 * Section headings written without 一、: in one-paragraph-per-line text, a short line that does
 * not end a sentence and is directly followed by an item line is a heading.
 */
export function headingsByLayout(text: string, markers: MarkerCandidate[]): MarkerCandidate[] {
  const headings: MarkerCandidate[] = []
  for (const m of markers) {
    if (m.kind !== 'item' || text[m.start - 1] !== '\n') continue
    const lineStart = text.lastIndexOf('\n', m.start - 2) + 1
    const line = text.slice(lineStart, m.start - 1).trim()
    if (!line || line.length > MAX_HEADING || PARAGRAPH_END.test(line) || SENTENCE_END.test(line) || /[，；：]$/.test(line)) continue
    if (markers.some((o) => o.start >= lineStart && o.start < m.start)) continue
    headings.push({ kind: 'section', start: lineStart, end: lineStart, n: headings.length + 1, sep: '', boundary: 'strong' })
  }
  return headings
}

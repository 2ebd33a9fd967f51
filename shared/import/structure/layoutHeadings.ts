import { PARAGRAPH_END, SENTENCE_END } from '../../text/chars.ts'
import type { MarkerCandidate } from './markers.ts'

/** Longest line taken for a heading without a numeral. */
const MAX_HEADING = 40

/**
 * Section headings written without 一、: in one-paragraph-per-line text, a short line that does
 * not end a sentence and is directly followed by an item line is a heading, provided the first
 * item has one (other than the title).
 */
export function headingsByLayout(text: string, markers: MarkerCandidate[]): MarkerCandidate[] {
  const headings: MarkerCandidate[] = []
  // The document's first line is its title, not a heading.
  const titleEnd = text.search(/\S/) < 0 ? 0 : text.indexOf('\n', text.search(/\S/))
  const items = markers.filter((m) => m.kind === 'item')
  for (const m of items) {
    const lineStart = headingLineBefore(text, m, markers)
    // A plan written this way has a heading before its first item; without one, short lines between items are body text.
    if (m === items[0] && (lineStart === undefined || lineStart <= titleEnd)) return []
    if (lineStart === undefined) continue
    headings.push({ kind: 'section', start: lineStart, end: lineStart, n: headings.length + 1, sep: '', boundary: 'strong' })
  }
  return headings
}

/** Where the line right before an item starts, when that line looks like a heading. */
function headingLineBefore(text: string, m: MarkerCandidate, markers: MarkerCandidate[]): number | undefined {
  if (text[m.start - 1] !== '\n') return undefined
  const lineStart = text.lastIndexOf('\n', m.start - 2) + 1
  const line = text.slice(lineStart, m.start - 1).trim()
  if (!line || line.length > MAX_HEADING || PARAGRAPH_END.test(line) || SENTENCE_END.test(line) || /[，；：]$/.test(line)) return undefined
  if (markers.some((o) => o.start >= lineStart && o.start < m.start)) return undefined
  return lineStart
}

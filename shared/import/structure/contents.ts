import { SENTENCE_END } from '../../text/chars.ts'

/** A contents line: a structure number, a short heading without a sentence end, maybe a page number. */
const CONTENTS_LINE =
  /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}\s*[.．、]|第[一二三四五六七八九十]{1,3}[章部分篇])\s*([^。；！？]{1,49}?[^。；！？，：、,:])[\s.…·]*\d{0,3}\s*$/
const CONTENTS_LABEL = /^\s*目\s*录\s*[:：]?\s*$/
/** Longest line taken for a contents line (a heading, dots and a page number). */
const MAX_CONTENTS_LINE = 80

/**
 * Takes a table of contents off the top of a text: a run of two or more contents lines that follows a
 * 目录 line, or that comes before any sentence and whose headings come again later (the content itself). Returns the lines
 * without it and how many lines were removed.
 */
export function removeContents(lines: string[]): { lines: string[]; removed: number } {
  const label = lines.findIndex((l) => CONTENTS_LABEL.test(l))
  const start = label >= 0 ? label + 1 : firstRun(lines)
  if (start < 0) return { lines, removed: 0 }
  // The run ends where a heading comes a second time: the content starts there.
  const entries = new Set<string>()
  const headings = new Set<string>()
  let end = start
  for (; end < lines.length; end++) {
    if (!lines[end].trim()) continue
    const heading = isContentsLine(lines[end]) ? CONTENTS_LINE.exec(lines[end])?.[1].trim() : undefined
    if (!heading || headings.has(heading)) break
    headings.add(heading)
    entries.add(withoutPageNumber(lines[end]))
  }
  // Without a 目录 line, the content must repeat every entry, number and heading, as a line of its own.
  const later = new Set(lines.slice(end).map((l) => l.trim()))
  const repeated = [...entries].every((e) => later.has(e))
  if (entries.size < 2 || (label < 0 && !repeated)) {
    if (label < 0) return { lines, removed: 0 }
    return { lines: lines.filter((_, i) => i !== label), removed: 1 }
  }
  const from = label >= 0 ? label : start
  return { lines: [...lines.slice(0, from), ...lines.slice(end)], removed: end - from }
}

/** Index of the first line of a run of two contents lines in a row before any sentence of text, or -1. */
function firstRun(lines: string[]): number {
  const filled = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim())
  for (let k = 0; k + 1 < filled.length; k++) {
    if (isContentsLine(filled[k][0]) && isContentsLine(filled[k + 1][0])) return filled[k][1]
    // A table of contents comes before the text: once a sentence has been read, there is none.
    if (SENTENCE_END.test(filled[k][0])) return -1
  }
  return -1
}

/** A contents line as the heading line of the content would read: without dot leaders and page number. */
function withoutPageNumber(line: string): string {
  const m = CONTENTS_LINE.exec(line)
  return m ? line.trim().slice(0, line.trim().indexOf(m[1]) + m[1].length) : line.trim()
}

function isContentsLine(line: string): boolean {
  return line.length <= MAX_CONTENTS_LINE && CONTENTS_LINE.test(line)
}

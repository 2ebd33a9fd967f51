/** A contents line: a structure number, a short heading without a sentence end, maybe a page number. */
const CONTENTS_LINE = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}\s*[.．、]|第[一二三四五六七八九十]{1,3}[章部分篇])\s*([^。；！？]{1,49}?[^。；！？，：、,:])[\s.…·]*\d{0,3}\s*$/
const MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}\s*[.．、]|第[一二三四五六七八九十]{1,3}[章部分篇])\s*/
const CONTENTS_LABEL = /^\s*目\s*录\s*[:：]?\s*$/
/** Longest line taken for a contents line (a heading, dots and a page number). */
const MAX_CONTENTS_LINE = 80

/**
 * Takes a table of contents off the top of a text: a run of two or more contents lines that follows a
 * 目录 line, or whose headings come again later in the text (the content itself). Returns the lines
 * without it and how many lines were removed.
 */
export function removeContents(lines: string[]): { lines: string[]; removed: number } {
  const label = lines.findIndex((l) => CONTENTS_LABEL.test(l))
  const start = label >= 0 ? label + 1 : firstRun(lines)
  if (start < 0) return { lines, removed: 0 }
  // The run ends where a heading comes a second time: the content starts there.
  const headings = new Set<string>()
  let end = start
  for (; end < lines.length; end++) {
    if (!lines[end].trim()) continue
    const heading = isContentsLine(lines[end]) ? CONTENTS_LINE.exec(lines[end])?.[1].trim() : undefined
    if (!heading || headings.has(heading)) break
    headings.add(heading)
  }
  // The content repeats each heading as a line of its own, after its number.
  const later = new Set(lines.slice(end).map((l) => l.replace(MARKER, '').trim()))
  const repeated = [...headings].filter((h) => later.has(h)).length
  if (headings.size < 2 || (label < 0 && repeated * 2 < headings.size)) {
    if (label < 0) return { lines, removed: 0 }
    return { lines: lines.filter((_, i) => i !== label), removed: 1 }
  }
  const from = label >= 0 ? label : start
  return { lines: [...lines.slice(0, from), ...lines.slice(end)], removed: end - from }
}

/** Index of the first line of the first run of two contents lines in a row, or -1. */
function firstRun(lines: string[]): number {
  const filled = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim())
  for (let k = 0; k + 1 < filled.length; k++) {
    if (isContentsLine(filled[k][0]) && isContentsLine(filled[k + 1][0])) return filled[k][1]
  }
  return -1
}

function isContentsLine(line: string): boolean {
  return line.length <= MAX_CONTENTS_LINE && CONTENTS_LINE.test(line)
}

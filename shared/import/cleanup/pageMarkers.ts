import { PARAGRAPH_END } from '../../text/chars.ts'

const MARKER = /^\s*(\d{1,3})、/
/** A page of text is far longer than a heading; a marker after a short unfinished line is an item after its heading. */
const MIN_PAGE_LINE = 40
const PAGE_NUMBER_LINE = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/

/** Lines after page-break artefacts are taken out, with how many of each kind were removed. */
export interface PageMarkerResult {
  lines: string[]
  markers: number
  pageNumbers: number
}

/**
 * Removes the page markers some sites insert at each page break: a line break plus `2、` `3、` …
 * (seed 001), usually in the middle of a word. A run of line-initial `N、` counting up by one is
 * taken for page markers only when most of them interrupt a sentence in a long line (a page of
 * text); items numbered `1、` `2、` follow complete sentences or short heading lines and are left alone. Lines that are only a page number go too.
 */
export function removePageMarkers(input: string[]): PageMarkerResult {
  const withoutNumbers = input.filter((l) => !PAGE_NUMBER_LINE.test(l))
  const pageNumbers = input.length - withoutNumbers.length
  const chain = markerChain(withoutNumbers)
  if (!chain) return { lines: withoutNumbers, markers: 0, pageNumbers }
  const lines: string[] = []
  withoutNumbers.forEach((line, i) => {
    if (!chain.has(i)) {
      lines.push(line)
      return
    }
    const rest = line.replace(MARKER, '')
    const prev = lines[lines.length - 1]
    // A break inside a sentence joins the two halves of the word it split.
    if (prev !== undefined && !PARAGRAPH_END.test(prev.trimEnd())) lines[lines.length - 1] = prev.trimEnd() + rest
    else lines.push(rest)
  })
  return { lines, markers: chain.size, pageNumbers }
}

/** Indices of the lines that carry page markers, or undefined when there is no convincing run. */
function markerChain(lines: string[]): Set<number> | undefined {
  const candidates: { index: number; n: number }[] = []
  lines.forEach((line, index) => {
    const m = MARKER.exec(line)
    if (m) candidates.push({ index, n: Number(m[1]) })
  })
  let best: { index: number; n: number }[] = []
  for (const start of candidates.filter((c) => c.n <= 2)) {
    const run = [start]
    for (const c of candidates) {
      if (c.index > run[run.length - 1].index && c.n === run[run.length - 1].n + 1) run.push(c)
    }
    if (run.length > best.length) best = run
  }
  if (best.length < 2) return undefined
  const interrupting = best.filter((c) => {
    const prev = c.index > 0 ? lines[c.index - 1].trim() : ''
    return prev.length > MIN_PAGE_LINE && !PARAGRAPH_END.test(prev)
  }).length
  return interrupting * 2 >= best.length ? new Set(best.map((c) => c.index)) : undefined
}

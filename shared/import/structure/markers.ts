import { fromChineseNumeral } from '../../plan/chineseNumerals.ts'

/** How clearly a marker starts a new block: at a line start or after a space (strong), after a sentence end (weak), or inside running text (none). */
export type Boundary = 'strong' | 'weak' | 'none'

/** A place in the text that looks like 一、 （一） or 1. */
export interface MarkerCandidate {
  kind: 'section' | 'subsection' | 'item'
  /** Where the marker starts and where the text after it starts. */
  start: number
  end: number
  n: number
  /** The separator after an item number (. ． 、), to keep to the document's own style. */
  sep: string
  boundary: Boundary
}

const SECTION = /([一二三四五六七八九十]{1,3})[ \t]*[、．.][ \t]*/g
const SUBSECTION = /[（(][ \t]*([一二三四五六七八九十]{1,3})[ \t]*[）)][ \t]*/g
const ITEM = /(\d{1,3})[ \t]*([.．、])[ \t]*(?=[^\d\s.．、%])/g

/** All candidate markers in a text, in order of position. */
export function findMarkers(text: string): MarkerCandidate[] {
  const out: MarkerCandidate[] = []
  for (const m of text.matchAll(SECTION)) add(out, text, 'section', m, fromChineseNumeral(m[1]), '、')
  for (const m of text.matchAll(SUBSECTION)) add(out, text, 'subsection', m, fromChineseNumeral(m[1]), '）')
  for (const m of text.matchAll(ITEM)) {
    // "2021.5" or "a1." are not item numbers: the digits must not continue a number or word.
    if (/[\dA-Za-z.．]/.test(text[(m.index ?? 0) - 1] ?? '')) continue
    add(out, text, 'item', m, Number(m[1]), m[2])
  }
  return out.sort((a, b) => a.start - b.start)
}

function add(out: MarkerCandidate[], text: string, kind: MarkerCandidate['kind'], m: RegExpMatchArray, n: number, sep: string): void {
  if (!(n > 0)) return
  const start = m.index ?? 0
  out.push({ kind, start, end: start + m[0].length, n, sep, boundary: boundaryBefore(text, start) })
}

/** Classifies what precedes a marker. */
export function boundaryBefore(text: string, start: number): Boundary {
  const prev = text[start - 1]
  if (prev === undefined || /\s/.test(prev)) return 'strong'
  if (/[。！？；：”」）)]/.test(prev)) return 'weak'
  return 'none'
}

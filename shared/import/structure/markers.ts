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
  /** The separator after an item number (. ． 、 ） or （） for （1）), to keep to the document's own style. */
  sep: string
  boundary: Boundary
  /** A 第一部分 / 第一章 heading: the level above 一、 when the text has both. */
  part?: boolean
}

const SECTION = /([一二三四五六七八九十]{1,3})[ \t]*[、．.][ \t]*/g
const SUBSECTION = /[（(][ \t]*([一二三四五六七八九十]{1,3})[ \t]*[）)][ \t]*/g
/** 第一部分 / 第二章, followed by a space, a separator or the line end: "第一部分是…" in a sentence is not a heading. */
const PART = /第([一二三四五六七八九十]{1,3})(部分|章)(?:[ \t\u3000]*[、．.：:][ \t\u3000]*|[ \t\u3000]+|(?=\n|$))/g
const ITEM = /(\d{1,3})[ \t]*([.．、])[ \t]*(?=[^\d\s.．、%])/g
/** 1） or 1): an item number closed by a bracket with no opening one (（1） is matched apart). */
const ITEM_BRACKET = /(\d{1,3})[ \t]*[）)][ \t]*(?=\S)/g
const ITEM_PAREN = /[（(][ \t]*(\d{1,3})[ \t]*[）)][ \t]*(?=\S)/g

/** All candidate markers in a text, in order of position. */
export function findMarkers(text: string): MarkerCandidate[] {
  const out: MarkerCandidate[] = []
  for (const m of text.matchAll(SECTION)) add(out, text, 'section', m, fromChineseNumeral(m[1]), '、')
  for (const m of text.matchAll(PART)) add(out, text, 'section', m, fromChineseNumeral(m[1]), m[2], true)
  for (const m of text.matchAll(SUBSECTION)) add(out, text, 'subsection', m, fromChineseNumeral(m[1]), '）')
  for (const m of text.matchAll(ITEM)) {
    // "2021.5" or "a1." are not item numbers: the digits must not continue a number or word.
    if (/[\dA-Za-z.．]/.test(text[(m.index ?? 0) - 1] ?? '')) continue
    add(out, text, 'item', m, Number(m[1]), m[2])
  }
  for (const m of text.matchAll(ITEM_BRACKET)) {
    // The digits of （1）, of "(2021)" or of "第3)" are not a 1） number.
    if (/[\dA-Za-z.．（(]/.test(text[(m.index ?? 0) - 1] ?? '')) continue
    add(out, text, 'item', m, Number(m[1]), '）')
  }
  for (const m of text.matchAll(ITEM_PAREN)) {
    if (/[\dA-Za-z]/.test(text[(m.index ?? 0) - 1] ?? '')) continue
    add(out, text, 'item', m, Number(m[1]), '（）')
  }
  return out.sort((a, b) => a.start - b.start)
}

function add(out: MarkerCandidate[], text: string, kind: MarkerCandidate['kind'], m: RegExpMatchArray, n: number, sep: string, part = false): void {
  if (!(n > 0)) return
  const start = m.index ?? 0
  out.push({ kind, start, end: start + m[0].length, n, sep, boundary: boundaryBefore(text, start), ...(part ? { part } : {}) })
}

/** Classifies what precedes a marker. */
export function boundaryBefore(text: string, start: number): Boundary {
  const prev = text[start - 1]
  if (prev === undefined || /\s/.test(prev)) return 'strong'
  if (/[。！？；：”」）)]/.test(prev)) return 'weak'
  return 'none'
}

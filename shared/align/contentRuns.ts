import { STOP_WORDS } from './stopWords.ts'

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
// Longest first so that 行动计划 is removed whole before 计划-like shorter entries could split it.
const STOP = new RegExp([...STOP_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g')

/** A run of Han characters with its place in the source text. */
export interface ContentRun {
  text: string
  /** Index of the run's first character in the source text. */
  start: number
}

/**
 * The Han runs of a text with the genre's stop words cut out: what is left carries the content.
 * Punctuation, digits and Latin letters break runs; runs shorter than two characters are dropped.
 */
export function contentRuns(text: string): ContentRun[] {
  const runs: ContentRun[] = []
  for (const m of text.matchAll(HAN_RUN)) {
    const base = m.index
    let last = 0
    for (const s of m[0].matchAll(STOP)) {
      if (s.index - last >= 2) runs.push({ text: m[0].slice(last, s.index), start: base + last })
      last = s.index + s[0].length
    }
    if (m[0].length - last >= 2) runs.push({ text: m[0].slice(last), start: base + last })
  }
  return runs
}

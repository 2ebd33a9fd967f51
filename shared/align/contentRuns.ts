import { STOP_WORDS } from './stopWords.ts'

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/

// Stop words by first character, longest first: a lookup per character is much cheaper than one
// big regular-expression alternation, and longest-first removes 行动计划 whole before 计划-like parts.
const STOP_BY_FIRST = new Map<string, string[]>()
for (const word of [...STOP_WORDS].sort((a, b) => b.length - a.length)) {
  const list = STOP_BY_FIRST.get(word[0])
  if (list) list.push(word)
  else STOP_BY_FIRST.set(word[0], [word])
}

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
  let start = -1
  const close = (end: number): void => {
    if (start >= 0 && end - start >= 2) runs.push({ text: text.slice(start, end), start })
    start = -1
  }
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (!HAN.test(ch)) {
      close(i)
      i++
      continue
    }
    const stop = STOP_BY_FIRST.get(ch)?.find((w) => text.startsWith(w, i))
    if (stop) {
      close(i)
      i += stop.length
      continue
    }
    if (start < 0) start = i
    i++
  }
  close(text.length)
  return runs
}

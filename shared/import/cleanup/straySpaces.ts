import { CJK_PUNCT, HAN } from '../../text/chars.ts'

const SPACE_RUN = /[ \t\u3000\u00a0]+/g

/**
 * Removes spaces inside Chinese text (PDF copies put them between characters): a run of spaces
 * goes when one side is Han or CJK punctuation and the other is Han, CJK punctuation, a digit or %‰℃.
 */
export function removeStraySpaces(text: string): { text: string; count: number } {
  let count = 0
  const out = text.replace(SPACE_RUN, (run, offset: number) => {
    const prev = text[offset - 1]
    const next = text[offset + run.length]
    if (prev === undefined || next === undefined || prev === '\n' || next === '\n') return run
    const cjk = (c: string): boolean => HAN.test(c) || CJK_PUNCT.test(c)
    // Digits and the signs that follow them (50%, 3‰, 25℃) belong to the Chinese text around them.
    const numeric = (c: string): boolean => /[\d%‰℃]/.test(c)
    if ((cjk(prev) && (cjk(next) || numeric(next))) || (cjk(next) && numeric(prev))) {
      count++
      return ''
    }
    return run
  })
  return { text: out, count }
}

import { HAN, isCjk } from '../../text/chars.ts'

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' }

/**
 * Turns ASCII punctuation that web copies put into Chinese text back into full-width forms.
 * Only marks next to Chinese text change: 5:3:2, 2.0 and (AI) between Latin words stay as they are.
 */
export function normalisePunctuation(text: string): { text: string; count: number } {
  const chars = Array.from(text)
  // Han characters before each index, so that testing a bracket pair's inside is O(1) (nested pairs were quadratic).
  const han = [0]
  for (const c of chars) han.push(han[han.length - 1] + (HAN.test(c) ? 1 : 0))
  let count = 0
  const open: number[] = []
  chars.forEach((ch, i) => {
    if (ch === '(') open.push(i)
    if (ch === ')' && open.length) {
      const start = open.pop() as number
      if (bracketIsChinese(chars, han, start, i)) {
        chars[start] = FULL['(']
        chars[i] = FULL[')']
        count += 2
      }
      return
    }
    if (!(ch in FULL) || ch === '(' || ch === ')') return
    if (shouldConvert(ch, neighbour(chars, i, -1), neighbour(chars, i, 1))) {
      chars[i] = FULL[ch]
      count++
    }
  })
  return { text: chars.join(''), count }
}

function shouldConvert(ch: string, prev: string | undefined, next: string | undefined): boolean {
  // A full stop only ends a sentence after a Han character or a closing Chinese bracket/quote, and before a non-digit (2.0, 1.5 stay).
  if (ch === '.') return prev !== undefined && (HAN.test(prev) || /[）”」』》]/.test(prev)) && !(next !== undefined && /[\d.]/.test(next))
  const digitBoth = prev !== undefined && next !== undefined && /\d/.test(prev) && /\d/.test(next)
  return !digitBoth && (isCjk(prev) || isCjk(next))
}

function bracketIsChinese(chars: string[], han: number[], start: number, end: number): boolean {
  return han[end] - han[start + 1] > 0 || isCjk(neighbour(chars, start, -1)) || isCjk(neighbour(chars, end, 1))
}

/** The nearest character before (-1) or after (+1) index i that is not a space or tab, on the same line. */
function neighbour(chars: string[], i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    if (chars[j] === '\n') return undefined
    if (chars[j] !== ' ' && chars[j] !== '\t') return chars[j]
  }
  return undefined
}

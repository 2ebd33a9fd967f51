import { normalisePunctuation } from '../../shared/import/cleanup/punctuation.ts'
import { isCjk } from '../../shared/text/chars.ts'
import { xmlSafe } from './xmlSafe.ts'

/**
 * One line of text as it is printed: characters a .docx cannot hold removed, tabs and line breaks as
 * spaces, and the ASCII punctuation of web copies (, : ; ( ) ? ! " next to Chinese text) in full-width form.
 */
export function officialText(text: string): string {
  const safe = xmlSafe(text).replace(/[\t\r\n]+/g, ' ')
  return curlyQuotes(normalisePunctuation(safe).text)
}

/** Straight double quotes around or next to Chinese text become “ and ”, alternating; an odd count is left alone. */
function curlyQuotes(text: string): string {
  const chars = Array.from(text)
  const at = chars.flatMap((c, i) => (c === '"' ? [i] : []))
  if (at.length === 0 || at.length % 2) return text
  for (let k = 0; k < at.length; k += 2) {
    const [open, close] = [at[k], at[k + 1]]
    const inside = chars.slice(open + 1, close)
    if (inside.some((c) => isCjk(c)) || isCjk(chars[open - 1]) || isCjk(chars[close + 1])) {
      chars[open] = '“'
      chars[close] = '”'
    }
  }
  return chars.join('')
}

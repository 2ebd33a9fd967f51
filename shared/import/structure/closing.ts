import type { Closing } from '../../plan/types.ts'
import { PARAGRAPH_END } from '../../text/chars.ts'
import { DATE, splitIssuerDate } from './dates.ts'

/**
 * Takes the issuer and date off the end of the text after the last item, when they are there:
 * as their own lines, or (in text without line breaks) after a space following the last sentence.
 */
export function splitClosing(text: string): { text: string; closing?: Closing } {
  const lines = text.replace(/\s+$/, '').split('\n')
  const last = lines[lines.length - 1] ?? ''
  const own = lines.length > 1 ? splitIssuerDate(last) : undefined
  if (own) {
    lines.pop()
    const closing: Closing = { ...own }
    const prev = lines[lines.length - 1]?.trim() ?? ''
    if (!closing.issuer && lines.length > 1 && prev.length <= 40 && !PARAGRAPH_END.test(prev)) {
      closing.issuer = prev
      lines.pop()
    }
    return { text: lines.join('\n'), closing }
  }
  const inline = new RegExp(`([。！？”])\\s+([^\\s。！？，；]{2,40}?)\\s*${DATE.source}\\s*$`).exec(last)
  if (inline) {
    lines[lines.length - 1] = last.slice(0, (inline.index ?? 0) + 1)
    return { text: lines.join('\n'), closing: { issuer: inline[2], date: inline[3].replace(/\s+/g, '') } }
  }
  return { text }
}

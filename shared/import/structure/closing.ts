import type { Closing } from '../../plan/types.ts'
import { PARAGRAPH_END } from '../../text/chars.ts'
import { DATE, splitIssuerDate } from './dates.ts'

/** How the name of an issuing body ends: 教育局, 教育委员会, 人民政府, 中心学校, 幼儿园 … */
const BODY_END = '(?:局|委员会|教委|政府|厅|办公室|中心|学校|中学|小学|幼儿园|学院|大学)'

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
  // Without a space after the last sentence, only a name that ends like an issuing body is taken.
  const inline = new RegExp(`([。！？”])(?:\\s+([^\\s。！？，；]{2,40}?)|([^\\s。！？，；]{2,40}?${BODY_END}))\\s*${DATE.source}\\s*$`).exec(last)
  if (inline) {
    lines[lines.length - 1] = last.slice(0, (inline.index ?? 0) + 1)
    return { text: lines.join('\n'), closing: { issuer: inline[2] ?? inline[3], date: inline[4].replace(/\s+/g, '') } }
  }
  return { text }
}

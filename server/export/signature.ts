import { AlignmentType, type Paragraph } from 'docx'
import { gridParagraph } from './paragraphs.ts'
import { officialDate } from './officialDate.ts'
import { officialText } from './officialText.ts'
import { CHAR } from './pageSetup.ts'
import { textRun } from './runs.ts'
import { textWidth } from './textWidth.ts'

/**
 * The issuer and date of an unsealed document (GB/T 9704 §7.3.5.2): the issuer right-aligned, two
 * characters in from the right edge; the date on the next line, starting two characters to the right
 * of the issuer's first character. When the date is the longer, it keeps two characters and the
 * issuer moves left instead. Dates are written without zero padding (2024年3月5日).
 */
export function signatureParagraphs(issuer: string | undefined, date: string | undefined): Paragraph[] {
  const name = officialText(issuer ?? '').trim()
  const when = date ? officialDate(officialText(date)) : ''
  if (!name && !when) return []
  if (!name || !when) return [rightLine(name || when, 2)]
  let issuerGap = 2
  let dateGap = issuerGap + textWidth(name) - textWidth(when) - 2
  if (dateGap < 2) {
    dateGap = 2
    issuerGap = dateGap + textWidth(when) + 2 - textWidth(name)
  }
  return [rightLine(name, issuerGap), rightLine(when, dateGap)]
}

/** A right-aligned line `gap` characters in from the right edge of the text block. */
function rightLine(text: string, gap: number): Paragraph {
  return gridParagraph([textRun(text)], { alignment: AlignmentType.RIGHT, indent: { right: Math.round(gap * CHAR) } })
}

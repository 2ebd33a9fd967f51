import { AlignmentType, type Paragraph } from 'docx'
import type { CoverNotice } from '../../shared/plan/types.ts'
import { blankLine, bodyParagraph, centredLine, flushLine, gridParagraph, titleParagraph } from './paragraphs.ts'
import { CHAR } from './pageSetup.ts'
import { textRun } from './runs.ts'
import { signatureParagraphs } from './signature.ts'
import { STYLE } from './styles.ts'
import { textWidth } from './textWidth.ts'

/** The title of the notice that issues a plan: its own, or 关于印发《plan title》的通知. */
export function noticeTitle(notice: CoverNotice, planTitle: string): string {
  if (notice.title?.trim()) return notice.title.trim()
  return planTitle.trim() ? `关于印发《${planTitle.trim()}》的通知` : ''
}

/** The attachments a notice lists, one per line of its 附件 field; the plan itself when the field is empty. */
export function attachmentNames(notice: CoverNotice, planTitle: string): string[] {
  return (notice.attachment ?? planTitle)
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean)
}

/**
 * The cover notice page: 发文字号, title, 主送, notice text, 附件 line, issuer and date, laid out as
 * GB/T 9704 lays out the body of a document (a blank line after the title and before the 附件 line
 * and the signature).
 */
export function noticeParagraphs(notice: CoverNotice, planTitle: string): Paragraph[] {
  const out: Paragraph[] = []
  if (notice.docNumber?.trim()) out.push(centredLine(notice.docNumber.trim()), blankLine())
  const title = noticeTitle(notice, planTitle)
  if (title) out.push(titleParagraph(title, STYLE.noticeTitle), blankLine())
  if (notice.addressee.trim()) out.push(flushLine(`${notice.addressee.trim().replace(/[:：]$/, '')}：`))
  for (const text of notice.body) if (text.trim()) out.push(bodyParagraph(text.trim()))
  const attachments = attachmentNames(notice, planTitle)
  if (attachments.length) out.push(blankLine(), ...attachmentLines(attachments))
  const signature = signatureParagraphs(notice.issuer, notice.date)
  if (signature.length) out.push(blankLine(), ...signature)
  return out
}

/**
 * "附件：名称" two characters in, with a hanging indent so a long name wraps under its own first
 * character; several attachments are numbered 1. 2. under each other. No final punctuation.
 */
function attachmentLines(names: string[]): Paragraph[] {
  const numbered = names.length > 1
  return names.map((raw, i) => {
    const name = raw.replace(/[。；;，,]+$/, '')
    const label = numbered ? `${i + 1}.` : ''
    const nameStart = (2 + 3 + textWidth(label)) * CHAR
    const textStart = i === 0 ? 2 * CHAR : (2 + 3) * CHAR
    const text = (i === 0 ? '附件：' : '') + label + name
    return gridParagraph([textRun(text)], { alignment: AlignmentType.BOTH, indent: { left: nameStart, hanging: nameStart - textStart } })
  })
}

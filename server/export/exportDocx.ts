import { Document, Packer, Paragraph } from 'docx'
import type { Plan } from '../../shared/plan/types.ts'
import { fontTableXml } from './fontTable.ts'
import { pageNumberFooters } from './footer.ts'
import { attachmentNames, noticeParagraphs } from './notice.ts'
import { pageProperties } from './pageSetup.ts'
import { planParagraphs } from './planBody.ts'
import { printablePlan } from './printablePlan.ts'
import { documentStyles } from './styles.ts'

/** Options of an export. */
export interface ExportOptions {
  /**
   * Print the plan's cover notice (关于印发《…》的通知) as the first page, the plan following as its
   * attachment on a new page. Plans without a notice are exported alone either way.
   * @default true
   */
  notice?: boolean
}

/**
 * The plan as a .docx in the official document layout of GB/T 9704-2012: A4, margins 37/35/28/26 mm,
 * 22 lines of 28 characters, 小标宋 title, 黑体/楷体 headings, 仿宋_GB2312 body, "— n —" page numbers
 * on the outer side. Numbers are written as text so that Word, WPS and mammoth all read them.
 * Any plan exports, in time and memory linear in its size (see printablePlan and titleLines).
 */
export async function exportDocx(input: Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  // The boundary: whatever text the plan holds, what is set below is XML-safe and of printable size.
  const plan = printablePlan(input)
  const notice = options.notice !== false ? plan.notice : undefined
  // The plan is the notice's first attachment; GB/T 9704 numbers the label only when there are several.
  const attachmentLabel = notice ? `附件${attachmentNames(notice, plan.title).length > 1 ? '1' : ''}` : undefined
  const children: Paragraph[] = [...(notice ? noticeParagraphs(notice, plan.title) : []), ...planParagraphs(plan, attachmentLabel ? { attachmentLabel } : {})]
  const doc = new Document({
    title: plan.title,
    creator: plan.meta.issuer ?? 'Plan Studio',
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: pageProperties(),
        footers: pageNumberFooters(),
        // Word needs at least one paragraph in a section.
        children: children.length ? children : [new Paragraph({})],
      },
    ],
  })
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }])
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

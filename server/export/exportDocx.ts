import { Document, Packer, Paragraph, type ISectionOptions } from 'docx'
import { withFieldNotes } from '../../shared/breakdown/fieldNote.ts'
import type { CoverNotice, Plan } from '../../shared/plan/types.ts'
import { breakdownSection } from './breakdown/breakdownDocx.ts'
import { breakdownTitle } from './breakdown/columns.ts'
import { fontTableXml } from './fontTable.ts'
import { FONT } from './fonts.ts'
import { pageNumberFooters } from './footer.ts'
import { attachmentNames, noticeParagraphs } from './notice.ts'
import { pageProperties } from './pageSetup.ts'
import { flushLine } from './paragraphs.ts'
import { planParagraphs } from './planBody.ts'
import { printablePlan } from './printablePlan.ts'
import type { ReviewMarkup } from './reviewOfParts.ts'
import { reviewPlanBody } from './reviewPlanBody.ts'
import { documentStyles } from './styles.ts'

/** Options of an export. */
export interface ExportOptions {
  /**
   * Print the plan's cover notice (关于印发《…》的通知) as the first page, the plan following as its
   * attachment on a new page. Plans without a notice are exported alone either way.
   * @default true
   */
  notice?: boolean
  /** Print each item's 任务分解 fields after it: （牵头科室：…；配合科室：…；完成时限：…）. */
  fields?: boolean
  /** Attach the 任务分解表 after the plan, on landscape pages, as the next 附件. */
  breakdownTable?: boolean
  /**
   * How open 修订 suggestions print: as if all were rejected (the clean draft), as if all were
   * accepted, or as Word revisions with the open 批注 as Word comments (征求意见稿, 修订和批注).
   * Read where the document is read (exportWorkerLoop); a plan given as Plan JSON has no marks.
   * @default 'reject'
   */
  suggestions?: SuggestionReading
}

/** The three readings of a document with open suggestions that an export offers. */
export type SuggestionReading = 'reject' | 'accept' | 'track'

/**
 * The plan as a .docx in the official document layout of GB/T 9704-2012: A4, margins 37/35/28/26 mm,
 * 22 lines of 28 characters, 小标宋 title, 黑体/楷体 headings, 仿宋_GB2312 body, "— n —" page numbers
 * on the outer side. Numbers are written as text so that Word, WPS and mammoth all read them.
 * Any plan exports, in time and memory linear in its size (see printablePlan and titleLines).
 */
export async function exportDocx(input: Plan, options: ExportOptions = {}, markup?: ReviewMarkup): Promise<Uint8Array> {
  // The boundary: whatever text the plan holds, what is set below is XML-safe and of printable size.
  const plan = printablePlan(options.fields && !markup ? withFieldNotes(input) : input)
  const notice = noticeWithTable(options.notice !== false ? plan.notice : undefined, plan.title, !!options.breakdownTable)
  // The plan is the notice's first attachment; GB/T 9704 numbers the label only when there are several.
  const attachments = notice ? attachmentNames(notice, plan.title).length : 0
  const attachmentLabel = notice ? `附件${attachments > 1 ? '1' : ''}` : undefined
  const bodyOptions = attachmentLabel ? { attachmentLabel } : {}
  const review = markup ? reviewPlanBody(plan, markup, { ...bodyOptions, fields: !!options.fields, now: new Date().toISOString() }) : undefined
  const children: Paragraph[] = [...(notice ? noticeParagraphs(notice, plan.title) : []), ...(review ? review.paragraphs : planParagraphs(plan, bodyOptions))]
  const doc = new Document({
    // A 征求意见稿 opens with 修订 on, so that what a department changes in Word comes back as revisions.
    ...(review ? { features: { trackRevisions: true } } : {}),
    ...(review?.comments.length ? { comments: { children: review.comments } } : {}),
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
      ...(options.breakdownTable ? [tableAnnex(input, notice ? `附件${attachments}` : '附件')] : []),
    ],
  })
  const buffer = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }])
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** The 任务分解表 as the plan's next 附件: landscape pages, page numbers continuing, the label in 黑体 at the top left. */
function tableAnnex(plan: Plan, label: string): ISectionOptions {
  const section = breakdownSection(plan, [flushLine(label, { font: FONT.heading1 })])
  return { ...section, footers: pageNumberFooters() }
}

/** The notice with the 任务分解表 added as its last attachment (its 附件 line lists it) when the table is attached and not listed yet. */
function noticeWithTable(notice: CoverNotice | undefined, planTitle: string, table: boolean): CoverNotice | undefined {
  if (!notice || !table) return notice
  const names = attachmentNames(notice, planTitle)
  const name = breakdownTitle(planTitle)
  return names.includes(name) ? notice : { ...notice, attachment: [...names, name].join('\n') }
}

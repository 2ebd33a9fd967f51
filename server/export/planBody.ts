import type { Paragraph } from 'docx'
import { itemLabel, planOutline, printsSectionLabels, type ItemPlace } from '../../shared/plan/numbering.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { FONT } from './fonts.ts'
import { blankLine, bodyParagraph, flushLine, headingParagraph, itemParagraph, titleParagraph } from './paragraphs.ts'
import { signatureParagraphs } from './signature.ts'

/** Options for the plan's own pages. */
export interface PlanBodyOptions {
  /**
   * When set, the plan starts a new page with this label ("附件", or "附件1" when the notice lists
   * several attachments) in 黑体 at the top left, and its title on the third line.
   */
  attachmentLabel?: string
}

/**
 * The plan's paragraphs: title, preamble, sections 一、 with sub-sections （一） and items 1. numbered
 * on across the whole plan, then the closing issuer and date one blank line below the text.
 * Numbers are written as text, derived from order.
 */
export function planParagraphs(plan: Plan, options: PlanBodyOptions): Paragraph[] {
  const out: Paragraph[] = [...planHead(plan, options)]
  for (const text of plan.preamble) if (text.trim()) out.push(bodyParagraph(text.trim()))
  const items = (places: ItemPlace[]): void => {
    for (const p of places) out.push(...itemParagraphs(p))
  }
  const labels = printsSectionLabels(plan)
  for (const { section, label, items: own, subsections } of planOutline(plan)) {
    if (labels) out.push(headingParagraph(1, label, section.heading.trim()))
    for (const text of section.intro) if (text.trim()) out.push(bodyParagraph(text.trim()))
    items(own)
    for (const u of subsections) {
      out.push(headingParagraph(2, u.label, u.subsection.heading.trim()))
      for (const text of u.subsection.intro) if (text.trim()) out.push(bodyParagraph(text.trim()))
      items(u.items)
    }
  }
  return [...out, ...planClosing(plan)]
}

/** The plan's first lines: the 附件 label on a new page when set, then the title (or the given title paragraph) and a blank line. */
export function planHead(plan: Plan, options: PlanBodyOptions, title?: Paragraph): Paragraph[] {
  const out: Paragraph[] = []
  if (options.attachmentLabel) out.push(flushLine(options.attachmentLabel, { font: FONT.heading1, newPage: true }), blankLine())
  if (title) out.push(title, blankLine())
  else if (plan.title.trim()) out.push(titleParagraph(plan.title), blankLine())
  return out
}

/** The closing issuer and date, one blank line below the text; nothing when the plan has neither. */
export function planClosing(plan: Plan): Paragraph[] {
  const closing = signatureParagraphs(plan.closing?.issuer, plan.closing?.date)
  return closing.length ? [blankLine(), ...closing] : []
}

/** An item: number and lead sentence in bold with the first body paragraph, then the other body paragraphs. */
function itemParagraphs({ item, number }: ItemPlace): Paragraph[] {
  const [first = '', ...rest] = item.body
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
  return [itemParagraph(itemLabel(number), item.title.trim(), first), ...rest.map(bodyParagraph)]
}

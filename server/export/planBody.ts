import type { Paragraph } from 'docx'
import { itemLabel, sectionLabel, subsectionLabel } from '../../shared/plan/numbering.ts'
import type { Plan, PlanItem } from '../../shared/plan/types.ts'
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
  const out: Paragraph[] = []
  if (options.attachmentLabel) out.push(flushLine(options.attachmentLabel, { font: FONT.heading1, newPage: true }), blankLine())
  if (plan.title.trim()) out.push(titleParagraph(plan.title), blankLine())
  for (const text of plan.preamble) if (text.trim()) out.push(bodyParagraph(text.trim()))
  let n = 0
  const items = (list: PlanItem[]): void => {
    for (const item of list) out.push(...itemParagraphs(item, ++n))
  }
  // A plan whose items stand under no heading at all (one untitled section) prints no section label.
  const untitled = plan.sections.length === 1 && !plan.sections[0].heading.trim()
  plan.sections.forEach((section, s) => {
    if (!untitled) out.push(headingParagraph(1, sectionLabel(s + 1), section.heading.trim()))
    for (const text of section.intro) if (text.trim()) out.push(bodyParagraph(text.trim()))
    items(section.items)
    section.subsections.forEach((sub, u) => {
      out.push(headingParagraph(2, subsectionLabel(u + 1), sub.heading.trim()))
      for (const text of sub.intro) if (text.trim()) out.push(bodyParagraph(text.trim()))
      items(sub.items)
    })
  })
  const closing = signatureParagraphs(plan.closing?.issuer, plan.closing?.date)
  if (closing.length) out.push(blankLine(), ...closing)
  return out
}

/** An item: number and lead sentence in bold with the first body paragraph, then the other body paragraphs. */
function itemParagraphs(item: PlanItem, n: number): Paragraph[] {
  const [first = '', ...rest] = item.body
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
  return [itemParagraph(itemLabel(n), item.title.trim(), first), ...rest.map(bodyParagraph)]
}

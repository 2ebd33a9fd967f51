import { itemLabel, sectionLabel, subsectionLabel } from './numbering.ts'
import type { CoverNotice, Plan, PlanItem } from './types.ts'

/** The official plain text of a plan, one paragraph per line; importing it gives the plan back. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = []
  if (plan.notice) lines.push(...noticeLines(plan.notice), '')
  if (plan.title) lines.push(plan.title)
  lines.push(...plan.preamble)
  let n = 0
  const pushItems = (items: PlanItem[]): void => {
    for (const item of items) lines.push(...itemLines(item, ++n))
  }
  plan.sections.forEach((section, s) => {
    lines.push(sectionLabel(s + 1) + section.heading, ...section.intro)
    pushItems(section.items)
    section.subsections.forEach((sub, u) => {
      lines.push(subsectionLabel(u + 1) + sub.heading, ...sub.intro)
      pushItems(sub.items)
    })
  })
  if (plan.closing?.issuer) lines.push(plan.closing.issuer)
  if (plan.closing?.date) lines.push(plan.closing.date)
  return lines.join('\n') + '\n'
}

/** The lines of one numbered item: number, lead sentence and first body paragraph, then the other paragraphs. */
function itemLines(item: PlanItem, n: number): string[] {
  const [first = '', ...rest] = item.body ? item.body.split('\n') : []
  // A title written as a heading line (no closing mark) keeps its body on the next line, so it reads back as the title.
  if (first && /[\p{L}\p{N}]$/u.test(item.title)) return [itemLabel(n) + item.title, first, ...rest]
  return [itemLabel(n) + item.title + first, ...rest]
}

/** The lines of a cover notice as printed on its page. */
function noticeLines(notice: CoverNotice): string[] {
  const lines: string[] = []
  if (notice.title) lines.push(notice.title)
  if (notice.docNumber) lines.push(notice.docNumber)
  if (notice.addressee) lines.push(`${notice.addressee}：`)
  lines.push(...notice.body)
  if (notice.attachment) lines.push(`附件：${notice.attachment}`)
  if (notice.issuer) lines.push(notice.issuer)
  if (notice.date) lines.push(notice.date)
  return lines
}

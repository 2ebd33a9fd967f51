import { itemLabel, planOutline, type ItemPlace } from './numbering.ts'
import type { CoverNotice, Plan } from './types.ts'

/** The official plain text of a plan, one paragraph per line; importing it gives the plan back. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = []
  if (plan.notice) lines.push(...noticeLines(plan.notice), '')
  if (plan.title) lines.push(plan.title)
  lines.push(...plan.preamble)
  const pushItems = (places: ItemPlace[]): void => {
    for (const p of places) lines.push(...itemLines(p))
  }
  for (const s of planOutline(plan)) {
    lines.push(s.label + s.section.heading, ...s.section.intro)
    pushItems(s.items)
    for (const u of s.subsections) {
      lines.push(u.label + u.subsection.heading, ...u.subsection.intro)
      pushItems(u.items)
    }
  }
  if (plan.closing?.issuer) lines.push(plan.closing.issuer)
  if (plan.closing?.date) lines.push(plan.closing.date)
  return lines.join('\n') + '\n'
}

/** The lines of one numbered item: number, lead sentence and first body paragraph, then the other paragraphs. */
function itemLines({ item, number }: ItemPlace): string[] {
  const label = itemLabel(number)
  const [first = '', ...rest] = item.body ? item.body.split('\n') : []
  // A title written as a heading line (no closing mark) keeps its body on the next line, so it reads back as the title.
  if (first && /[\p{L}\p{N}]$/u.test(item.title)) return [label + item.title, first, ...rest]
  return [label + item.title + first, ...rest]
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

import type { Plan } from './types.ts'

/** Options for carrying a plan forward. */
export interface CarryOptions {
  /** How many years to move on. @default 1 */
  years?: number
}

/**
 * A draft for the next year made from an existing plan: every section and item keeps its id (so
 * later diffs match exactly), every item is marked carried until someone edits it, years in the
 * title move on, and the issue dates are cleared because the draft has not been issued.
 */
export function carryForward(plan: Plan, options: CarryOptions = {}): Plan {
  const years = options.years ?? 1
  const next = structuredClone(plan)
  const title = shiftYears(plan.title, years)
  next.title = title
  if (plan.meta.year !== undefined) next.meta.year = plan.meta.year + years
  for (const section of next.sections) {
    for (const item of [...section.items, ...section.subsections.flatMap((u) => u.items)]) item.carried = true
  }
  if (next.notice) {
    const n = next.notice
    if (n.title) n.title = n.title.split(plan.title).join(title)
    n.body = n.body.map((p) => p.split(plan.title).join(title))
    if (n.attachment) n.attachment = n.attachment.split(plan.title).join(title)
    delete n.date
    delete n.docNumber
  }
  if (next.closing) delete next.closing.date
  return next
}

/** Moves every four-digit year in a title on by `years`: 2021年下半年 → 2022年下半年, 2021-2022学年 → 2022-2023学年. */
export function shiftYears(text: string, years: number): string {
  return text.replace(/(?<!\d)(19|20)(\d{2})(?!\d)/g, (y) => String(Number(y) + years))
}

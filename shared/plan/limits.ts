import { itemText } from './itemText.ts'
import type { Plan, PlanItem } from './types.ts'

/**
 * How large a plan may grow. One set of limits is checked on every path that writes a plan
 * (import, templates, restore, HTTP, websocket updates), so that no single user or file can make a
 * document that the export, the review or the server's memory cannot carry. The defaults leave room
 * for a five-year 规划 of 300+ items; the server reads overrides from the environment.
 */
export interface PlanLimits {
  /** Characters in the plan title, a notice line or the closing (标题、发文字号、主送…). */
  titleChars: number
  /** Characters in a section or sub-section heading. */
  headingChars: number
  /** Characters in one item (lead sentence and body together). */
  itemChars: number
  /** Characters in one paragraph of the preamble, a notice body or a section intro. */
  paragraphChars: number
  /** Paragraphs in the preamble, the notice body or one section intro. */
  paragraphs: number
  /** Sections 一、二、… in the plan. */
  sections: number
  /** Sub-sections （一）（二） in one section. */
  subsections: number
  /** Items in the whole plan. */
  items: number
  /** Characters in the whole plan. */
  totalChars: number
}

/** The limits used unless the server is configured otherwise. */
export const DEFAULT_PLAN_LIMITS: Readonly<PlanLimits> = Object.freeze({
  titleChars: 500,
  headingChars: 500,
  itemChars: 20_000,
  paragraphChars: 20_000,
  paragraphs: 500,
  sections: 100,
  subsections: 100,
  items: 2_000,
  totalChars: 1_000_000,
})

/** Which limit a plan broke, with a Chinese sentence that names it. */
export interface LimitViolation {
  limit: keyof PlanLimits
  message: string
}

const WHAT: Record<keyof PlanLimits, string> = {
  titleChars: '标题或通知中的一行',
  headingChars: '部分标题',
  itemChars: '一条要点',
  paragraphChars: '一个段落',
  paragraphs: '段落数',
  sections: '部分数',
  subsections: '一个部分中的小标题数',
  items: '要点总数',
  totalChars: '全文',
}

const UNIT: Record<keyof PlanLimits, string> = {
  titleChars: '字',
  headingChars: '字',
  itemChars: '字',
  paragraphChars: '字',
  paragraphs: '段',
  sections: '个',
  subsections: '个',
  items: '条',
  totalChars: '字',
}

/** The Chinese sentence for a broken limit, e.g. "要点总数超过上限（2000 条）". */
export function limitMessage(limit: keyof PlanLimits, limits: PlanLimits): string {
  return `${WHAT[limit]}超过上限（${limits[limit]} ${UNIT[limit]}）`
}

/** The first limit a plan breaks, or null when it fits. Counts UTF-16 code units, as the editor does. */
export function planLimitViolation(plan: Plan, limits: PlanLimits = DEFAULT_PLAN_LIMITS): LimitViolation | null {
  const counter = new LimitCounter(limits)
  counter.line(plan.title)
  const notice = plan.notice
  if (notice) {
    for (const line of [notice.title, notice.docNumber, notice.addressee, notice.attachment, notice.issuer, notice.date]) counter.line(line)
    counter.paragraphs(notice.body)
  }
  counter.paragraphs(plan.preamble)
  counter.line(plan.closing?.issuer)
  counter.line(plan.closing?.date)
  counter.count('sections', plan.sections.length)
  for (const section of plan.sections) {
    counter.heading(section.heading)
    counter.paragraphs(section.intro)
    counter.items(section.items)
    counter.count('subsections', section.subsections.length)
    for (const sub of section.subsections) {
      counter.heading(sub.heading)
      counter.paragraphs(sub.intro)
      counter.items(sub.items)
    }
  }
  return counter.violation
}

/** Walks a plan once, remembering the first limit it breaks. */
class LimitCounter {
  violation: LimitViolation | null = null
  private total = 0
  private itemCount = 0

  constructor(private readonly limits: PlanLimits) {}

  count(limit: keyof PlanLimits, n: number): void {
    if (!this.violation && n > this.limits[limit]) this.violation = { limit, message: limitMessage(limit, this.limits) }
  }

  private chars(limit: keyof PlanLimits, text: string): void {
    this.count(limit, text.length)
    this.total += text.length
    this.count('totalChars', this.total)
  }

  line(text: string | undefined): void {
    if (text) this.chars('titleChars', text)
  }

  heading(text: string): void {
    this.chars('headingChars', text)
  }

  paragraphs(list: string[]): void {
    this.count('paragraphs', list.length)
    for (const p of list) this.chars('paragraphChars', p)
  }

  items(list: PlanItem[]): void {
    this.itemCount += list.length
    this.count('items', this.itemCount)
    for (const item of list) this.chars('itemChars', itemText(item))
  }
}

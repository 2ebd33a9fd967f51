import { itemPlaces, sectionLabel, subsectionLabel } from '../plan/numbering.ts'
import type { Plan } from '../plan/types.ts'
import { DEADLINE_KIND_LABELS, parseDeadline, type DeadlineKind } from './deadline.ts'

/** One item of a 任务分解表: what it is, who does it, by when. */
export interface BreakdownRow {
  itemId: string
  /** Item number as printed (continuous across the plan). */
  number: number
  /** 一、… heading of the item's section, and （一）… of its sub-section when it has one. */
  section: string
  subsection?: string
  /** 重点任务: the lead sentence. */
  task: string
  /** 具体措施: the body, paragraphs joined by newlines. */
  measures: string
  lead: string[]
  support: string[]
  leader: string
  person: string
  deadline: string
  deadlineKind: DeadlineKind | null
  /** Last day the deadline allows (ISO), when it names one. */
  due?: string
}

/** The 任务分解表 of a plan: a row per item in document order. `year` fills years the deadlines leave out. */
export function breakdownRows(plan: Plan, year: number | undefined = plan.meta.year): BreakdownRow[] {
  return itemPlaces(plan).map(({ item, number, section, sectionNumber, subsection, subsectionNumber }) => {
    const b = item.breakdown ?? {}
    const deadline = b.deadline ? parseDeadline(b.deadline, year) : null
    return {
      itemId: item.id,
      number,
      section: `${sectionLabel(sectionNumber)}${section.heading}`,
      ...(subsection && subsectionNumber ? { subsection: `${subsectionLabel(subsectionNumber)}${subsection.heading}` } : {}),
      task: item.title,
      measures: item.body,
      lead: b.lead ?? [],
      support: b.support ?? [],
      leader: b.leader ?? '',
      person: b.person ?? '',
      deadline: b.deadline ?? '',
      deadlineKind: deadline?.kind ?? null,
      ...(deadline?.end ? { due: deadline.end } : {}),
    }
  })
}

/** The kind of a deadline in Chinese (日期, 季度, 长期, 未识别 …), empty when there is none. */
export function deadlineKindLabel(kind: DeadlineKind | null): string {
  return kind ? DEADLINE_KIND_LABELS[kind] : ''
}

/** Department names as a table cell writes them: 基教科、德育科. */
export function joinNames(names: string[]): string {
  return names.join('、')
}

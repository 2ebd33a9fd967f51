import { allItems } from '../plan/numbering.ts'
import type { ItemBreakdown, Plan } from '../plan/types.ts'
import { isEmptyBreakdown } from './record.ts'

/** The fields in the order a printed note lists them, with their labels. */
const NOTE_FIELDS: ReadonlyArray<[keyof ItemBreakdown, string]> = [
  ['lead', '牵头科室'],
  ['support', '配合科室'],
  ['leader', '分管领导'],
  ['person', '责任人'],
  ['deadline', '完成时限'],
]

/**
 * An item's fields as plans print them after the item: （牵头科室：基教科、德育科；配合科室：计财科；完成时限：2025年6月底）.
 * Only filled fields are listed; null when none is. Import reads this note back into the fields.
 */
export function fieldNote(b: ItemBreakdown | undefined): string | null {
  if (!b || isEmptyBreakdown(b)) return null
  const parts: string[] = []
  for (const [field, label] of NOTE_FIELDS) {
    const v = b[field]
    const text = Array.isArray(v) ? v.join('、') : (v ?? '')
    if (text.trim()) parts.push(`${label}：${text.trim()}`)
  }
  return `（${parts.join('；')}）`
}

/** A copy of the plan whose items end with their field note as a last body paragraph (the 打印分工 option of the export). */
export function withFieldNotes(plan: Plan): Plan {
  const copy = structuredClone(plan)
  for (const item of allItems(copy)) {
    const note = fieldNote(item.breakdown)
    if (note) item.body = item.body.trim() ? `${item.body.replace(/\s+$/, '')}\n${note}` : note
  }
  return copy
}

/**
 * The two plans of a review with each item's fields as its last paragraph, so that a change of
 * 牵头科室, 配合科室 or 完成时限 shows in the review page and the 修改对照表 like any text change —
 * only when both sides have begun their 任务分解: against last year's plan without fields, or a
 * version from before the breakdown, every item would otherwise read as changed.
 */
export function fieldsInReview(oldPlan: Plan, newPlan: Plan): [Plan, Plan] {
  const begun = (plan: Plan): boolean => allItems(plan).some((item) => !isEmptyBreakdown(item.breakdown))
  return begun(oldPlan) && begun(newPlan) ? [withFieldNotes(oldPlan), withFieldNotes(newPlan)] : [oldPlan, newPlan]
}

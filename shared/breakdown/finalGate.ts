import type { Plan } from '../plan/types.ts'
import { breakdownRows, type BreakdownRow } from './table.ts'

/** An item that stops a plan from being finalised: its number, lead sentence and which fields it lacks. */
export interface UnassignedItem {
  itemId: string
  number: number
  title: string
  /** 牵头科室 and/or 完成时限. */
  missing: Array<'牵头科室' | '完成时限'>
}

/** How many items the 定稿 refusal names before saying "等 N 条". */
export const FINAL_GATE_NAMED = 5

/**
 * Items without 牵头科室 or 完成时限, in every plan: a work plan is issued with each item's lead
 * department and deadline, so 定稿 waits for them whether or not anyone has begun the 任务分解
 * (an owner may override with a reason).
 */
export function unassignedItems(plan: Plan): UnassignedItem[] {
  return unassignedRows(breakdownRows(plan))
}

/** The same from the 任务分解表's rows (the status dialog lists them from GET …/breakdown). */
export function unassignedRows(rows: readonly BreakdownRow[]): UnassignedItem[] {
  const out: UnassignedItem[] = []
  for (const row of rows) {
    const missing: UnassignedItem['missing'] = []
    if (!row.lead.length) missing.push('牵头科室')
    if (!row.deadline.trim()) missing.push('完成时限')
    if (missing.length) out.push({ itemId: row.itemId, number: row.number, title: row.task, missing })
  }
  return out
}

/** The Chinese refusal for 定稿 naming the first items to fix, or null when nothing is missing. */
export function finalRefusal(items: readonly UnassignedItem[]): string | null {
  if (!items.length) return null
  const named = items.slice(0, FINAL_GATE_NAMED).map((i) => `第${i.number}条“${shorten(i.title)}”缺${i.missing.join('、')}`)
  const more = items.length > FINAL_GATE_NAMED ? `等 ${items.length} 条` : ''
  return `还有 ${items.length} 条未填牵头科室或完成时限，不能定稿：${named.join('；')}${more}。请在“分解”中补齐；所有者也可以填写原因后强制定稿。`
}

/** A lead sentence cut for a message. */
function shorten(title: string): string {
  const t = title.replace(/。$/, '')
  return t.length > 20 ? `${t.slice(0, 20)}…` : t
}

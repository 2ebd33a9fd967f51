import type { DecisionOutcome } from './suggestDecisions.ts'

/** A suggestion decided since the review's base: which items it touched, what became of it, and the editor's reason. */
export interface DecidedSuggestion {
  itemIds: readonly string[]
  decision: DecisionOutcome
  reason?: string
}

/** 采纳情况 of one row: what became of the suggestions decided on its items since the base. */
export interface Adoption {
  label: '采纳' | '未采纳' | '部分采纳'
  accepted: number
  rejected: number
  /** The editors' reasons, each once, in the order the suggestions came. */
  reasons: string[]
}

/**
 * The 采纳情况 of a row whose items have these ids: 采纳 when every suggestion decided on them was
 * accepted, 未采纳 when every one was rejected, 部分采纳 otherwise; null when none was decided.
 */
export function adoptionFor(itemIds: readonly string[], decided: readonly DecidedSuggestion[]): Adoption | null {
  const ids = new Set(itemIds)
  const mine = decided.filter((d) => d.itemIds.some((id) => ids.has(id)))
  if (!mine.length) return null
  const accepted = mine.filter((d) => d.decision === 'accepted').length
  const rejected = mine.length - accepted
  const reasons = [...new Set(mine.map((d) => d.reason?.trim() ?? '').filter(Boolean))]
  return { label: !rejected ? '采纳' : !accepted ? '未采纳' : '部分采纳', accepted, rejected, reasons }
}

/** The cell text: 采纳, 未采纳（理由：…）, 部分采纳（采纳 1 处，未采纳 1 处；理由：…）. */
export function adoptionText(a: Adoption): string {
  const counts = a.label === '部分采纳' ? `采纳 ${a.accepted} 处，未采纳 ${a.rejected} 处` : ''
  const reasons = a.reasons.length ? `理由：${a.reasons.join('；')}` : ''
  const inside = [counts, reasons].filter(Boolean).join('；')
  return inside ? `${a.label}（${inside}）` : a.label
}

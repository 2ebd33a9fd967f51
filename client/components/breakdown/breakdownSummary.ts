import type { ItemBreakdown } from '../../../shared/plan/types.ts'

/** An item's fields in one line: 牵头：基教科 · 配合：德育科、计财科 · 分管：王明 · 时限：2025年6月底 (empty when none is set). */
export function breakdownSummary(b: ItemBreakdown): string {
  const parts: string[] = []
  if (b.lead?.length) parts.push(`牵头：${b.lead.join('、')}`)
  if (b.support?.length) parts.push(`配合：${b.support.join('、')}`)
  if (b.leader) parts.push(`分管：${b.leader}`)
  if (b.person) parts.push(`责任人：${b.person}`)
  if (b.deadline) parts.push(`时限：${b.deadline}`)
  return parts.join(' · ')
}

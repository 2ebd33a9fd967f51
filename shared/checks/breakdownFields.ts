import { parseDeadline } from '../breakdown/deadline.ts'
import { isEmptyBreakdown } from '../breakdown/record.ts'
import { planYear } from './planYear.ts'
import type { Check, Finding } from './types.ts'

/** Share of the items with a lead department above which one department leading them is worth a look. */
export const LEAD_SHARE_LIMIT = 0.4
/** Fewer items with a lead than this say nothing about balance. */
const MIN_ITEMS_FOR_BALANCE = 5

/** Months a plan's period covers: a 上半年 plan's items are due by June, a 下半年 plan's from July. */
const PERIOD_MONTHS: Record<string, [number, number]> = { 上半年: [1, 6], 下半年: [7, 12] }

/**
 * 任务分解 checks, run once a plan's breakdown has begun (some item has a field — a draft nobody has
 * broken down yet is not 80 warnings): an item without 牵头科室 or 完成时限, a deadline that cannot be
 * read or falls outside the plan's year or period, a department not on the bureau's list (when given),
 * and one department leading too many items.
 */
export const breakdownFields: Check = {
  kinds: ['breakdown-missing', 'deadline-outside', 'deadline-text', 'lead-imbalance', 'unknown-department'],
  label: '任务分解',
  run(ctx) {
    if (ctx.places.every(({ item }) => isEmptyBreakdown(item.breakdown))) return []
    const year = planYear(ctx)
    const months = ctx.plan.meta.period ? PERIOD_MONTHS[ctx.plan.meta.period] : undefined
    const findings: Finding[] = []
    const leads = new Map<string, number>()
    let withLead = 0
    for (const { item, number } of ctx.places) {
      const b = item.breakdown ?? {}
      const missing = [!b.lead?.length && '牵头科室', !b.deadline && '完成时限'].filter(Boolean)
      if (missing.length) findings.push({ kind: 'breakdown-missing', itemId: item.id, number, severity: 'warning', message: `第${number}条未填${missing.join('和')}` })
      const unknown = ctx.departments?.length ? [...(b.lead ?? []), ...(b.support ?? [])].filter((name) => !ctx.departments?.includes(name)) : []
      if (unknown.length) findings.push({ kind: 'unknown-department', itemId: item.id, number, severity: 'warning', message: `第${number}条的“${unknown.join('、')}”不在本局科室名单中，请核对名称` })
      if (b.lead?.length) {
        withLead++
        for (const name of b.lead) leads.set(name, (leads.get(name) ?? 0) + 1)
      }
      if (!b.deadline) continue
      const d = parseDeadline(b.deadline, year)
      if (d.kind === 'text')
        findings.push({ kind: 'deadline-text', itemId: item.id, number, severity: 'info', message: `第${number}条的完成时限“${b.deadline}”不是可识别的日期、月份、季度或“全年”“长期”，导出和提醒无法按时间排序` })
      else if (year !== undefined && d.end && (Number(d.end.slice(0, 4)) !== year || (d.start && Number(d.start.slice(0, 4)) < year))) {
        findings.push({ kind: 'deadline-outside', itemId: item.id, number, severity: 'warning', message: `第${number}条的完成时限“${b.deadline}”不在计划年度${year}年内` })
      } else if (months && d.end && d.kind !== 'year') {
        const month = Number(d.end.slice(5, 7))
        if (month < months[0] || month > months[1])
          findings.push({ kind: 'deadline-outside', itemId: item.id, number, severity: 'warning', message: `第${number}条的完成时限“${b.deadline}”不在计划时段（${ctx.plan.meta.period}）内` })
      }
    }
    if (withLead >= MIN_ITEMS_FOR_BALANCE) {
      for (const [name, count] of leads) {
        if (count / withLead > LEAD_SHARE_LIMIT)
          findings.push({ kind: 'lead-imbalance', severity: 'info', message: `${name}牵头 ${count} 条，占已分解条目的 ${Math.round((100 * count) / withLead)}%，任务是否过于集中？` })
      }
    }
    return findings
  },
}

import type { Plan } from '../plan/types.ts'
import { latestByQuarter, PROGRESS_LABELS, PROGRESS_STATUSES, type ProgressReport, type ProgressStatus, type Quarter } from './progress.ts'
import { breakdownRows, type BreakdownRow } from './table.ts'

/** Where an item stands in the 台账: its latest reported status, or 未填报 when nobody has reported. */
export type LedgerStatus = ProgressStatus | 'unreported'

/** The 台账's status groups in the order the page shows them: 未启动 / 推进中 / 已完成 / 有困难 / 未填报. */
export const LEDGER_STATUSES: readonly LedgerStatus[] = [...PROGRESS_STATUSES, 'unreported']

/** The Chinese name of each 台账 status. */
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = { ...PROGRESS_LABELS, unreported: '未填报' }

/** The department group of items whose 牵头科室 is not filled in. */
export const NO_LEAD = '未定牵头科室'

/** One row of the 台账: the item's 任务分解, its latest report per quarter, its status now and whether it is overdue. */
export interface LedgerRow extends BreakdownRow {
  quarters: Partial<Record<Quarter, ProgressReport>>
  /** The most recent report in any quarter. */
  latest?: ProgressReport
  status: LedgerStatus
  /** Deadline passed and not reported 已完成 (see isOverdue). */
  overdue: boolean
}

/**
 * The overdue rule, the one place it lives: the last day the deadline allows (`due`) is before
 * `today` (an ISO day in Beijing, where the bureau works) and the latest report is not 已完成.
 * 长期 and unreadable deadlines have no last day and are never overdue.
 */
export function isOverdue(due: string | undefined, latest: ProgressStatus | undefined, today: string): boolean {
  return !!due && due < today.slice(0, 10) && latest !== 'done'
}

/** The 台账 of a plan: every item with its reports, in document order. `today` is an ISO day (Beijing). */
export function ledgerRows(plan: Plan, reports: readonly ProgressReport[], today: string, year?: number): LedgerRow[] {
  const byQuarter = latestByQuarter(reports)
  return breakdownRows(plan, year ?? plan.meta.year).map((row) => {
    const quarters = Object.fromEntries(byQuarter.get(row.itemId) ?? []) as Partial<Record<Quarter, ProgressReport>>
    const latest = Object.values(quarters).reduce<ProgressReport | undefined>((a, r) => (!a || r.at > a.at ? r : a), undefined)
    return { ...row, quarters, ...(latest ? { latest } : {}), status: latest?.status ?? 'unreported', overdue: isOverdue(row.due, latest?.status, today) }
  })
}

/** A group of 台账 rows under one heading (a status or a 牵头科室), with how many of them are overdue. */
export interface LedgerGroup {
  key: string
  label: string
  rows: LedgerRow[]
  overdue: number
}

/** How the 台账 page groups its rows: 按状态 or 按科室. */
export type LedgerGrouping = 'status' | 'department'

/** The rows under each status, in LEDGER_STATUSES order; statuses without rows are left out. Rows keep document order. */
export function groupByStatus(rows: readonly LedgerRow[]): LedgerGroup[] {
  return LEDGER_STATUSES.map((s) =>
    group(
      s,
      LEDGER_STATUS_LABELS[s],
      rows.filter((r) => r.status === s),
    ),
  ).filter((g) => g.rows.length)
}

/**
 * The rows under each 牵头科室 (an item two departments lead is under both), departments in the order
 * of `order` (the bureau's 科室 list) then by name, items without a lead last under 未定牵头科室.
 */
export function groupByDepartment(rows: readonly LedgerRow[], order: readonly string[] = []): LedgerGroup[] {
  const byLead = new Map<string, LedgerRow[]>()
  for (const row of rows) for (const name of row.lead.length ? row.lead : [NO_LEAD]) byLead.set(name, [...(byLead.get(name) ?? []), row])
  const rank = (name: string): number => (name === NO_LEAD ? Infinity : order.includes(name) ? order.indexOf(name) : order.length)
  const names = [...byLead.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh'))
  return names.map((name) => group(name, name, byLead.get(name) ?? []))
}

/** The rows grouped one way or the other. */
export function groupLedger(rows: readonly LedgerRow[], by: LedgerGrouping, order: readonly string[] = []): LedgerGroup[] {
  return by === 'status' ? groupByStatus(rows) : groupByDepartment(rows, order)
}

/** The counts at the top of the 台账: items, overdue items, and items per status. */
export interface LedgerSummary {
  total: number
  overdue: number
  byStatus: Record<LedgerStatus, number>
}

/** Counts the 台账's rows. */
export function ledgerSummary(rows: readonly LedgerRow[]): LedgerSummary {
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<LedgerStatus, number>
  return { total: rows.length, overdue: rows.filter((r) => r.overdue).length, byStatus }
}

function group(key: string, label: string, rows: LedgerRow[]): LedgerGroup {
  return { key, label, rows, overdue: rows.filter((r) => r.overdue).length }
}

/** GET /api/documents/:id/ledger: the 台账's rows as the .xlsx/.docx print them, and the day they were judged against. */
export interface LedgerResponse {
  /** …工作台账. */
  title: string
  planTitle: string
  /** The ISO day in Beijing that decided which items are overdue. */
  today: string
  rows: LedgerRow[]
}

import type { BreakdownRow } from './table.ts'
import { beijingDay } from './today.ts'

/** How an item stands in a progress report: 未启动, 推进中, 已完成, 有困难. */
export type ProgressStatus = 'not-started' | 'in-progress' | 'done' | 'difficult'

/** The statuses in the order the report form offers them. */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['not-started', 'in-progress', 'done', 'difficult']

/** The Chinese name of each status. */
export const PROGRESS_LABELS: Record<ProgressStatus, string> = { 'not-started': '未启动', 'in-progress': '推进中', done: '已完成', difficult: '有困难' }

/** Longest progress note, in characters. */
export const MAX_PROGRESS_NOTE = 500

/** A quarter of the plan's year. */
export type Quarter = 1 | 2 | 3 | 4

/** The quarters, in order. */
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4]

/** 第一季度 … 第四季度. */
export const QUARTER_LABELS: Record<Quarter, string> = { 1: '第一季度', 2: '第二季度', 3: '第三季度', 4: '第四季度' }

/** POST /api/documents/:id/progress: one department's report on one item for one quarter. */
export interface ProgressRequest {
  itemId: string
  quarter: Quarter
  status: ProgressStatus
  note: string
}

/** A stored report: what was reported, stamped by the server with who (and their 科室) and when. Never overwritten. */
export interface ProgressReport extends ProgressRequest {
  id: string
  /** The plan's year the quarter belongs to. */
  year?: number
  at: string
  by: { id: string; name: string; department?: string }
}

/** The quarter a day falls in (an ISO date or time). */
export function quarterOf(iso: string): Quarter {
  const month = Number(iso.slice(5, 7))
  return (Math.min(4, Math.max(1, Math.ceil(month / 3))) as Quarter) || 1
}

/** The latest report of each item in each quarter (later reports supersede earlier ones in the 台账; the earlier stay in the history). */
export function latestByQuarter(reports: readonly ProgressReport[]): Map<string, Map<Quarter, ProgressReport>> {
  const out = new Map<string, Map<Quarter, ProgressReport>>()
  for (const r of reports) {
    const quarters = out.get(r.itemId) ?? new Map<Quarter, ProgressReport>()
    const seen = quarters.get(r.quarter)
    if (!seen || r.at >= seen.at) quarters.set(r.quarter, r)
    out.set(r.itemId, quarters)
  }
  return out
}

/** The latest report of each item, whatever its quarter. */
export function latestReports(reports: readonly ProgressReport[]): Map<string, ProgressReport> {
  const out = new Map<string, ProgressReport>()
  for (const r of reports) {
    const seen = out.get(r.itemId)
    if (!seen || r.at >= seen.at) out.set(r.itemId, r)
  }
  return out
}

/** Whether a 科室 leads or supports an item, or neither. */
export function departmentRole(row: Pick<BreakdownRow, 'lead' | 'support'>, department: string | undefined): 'lead' | 'support' | null {
  if (!department) return null
  if (row.lead.includes(department)) return 'lead'
  if (row.support.includes(department)) return 'support'
  return null
}

/** A report as one cell of the 台账: 推进中：已完成调研 on one line, then who and the day (Beijing time): 德育科 4月3日. */
export function reportCell(report: ProgressReport | undefined): string {
  if (!report) return ''
  const note = report.note.trim()
  const [, month, day] = beijingDay(new Date(report.at)).split('-').map(Number)
  return `${PROGRESS_LABELS[report.status]}${note ? `：${note}` : ''}\n${report.by.department ?? report.by.name} ${month}月${day}日`
}

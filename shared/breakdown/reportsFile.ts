import { MAX_PROGRESS_NOTE, PROGRESS_STATUSES, QUARTERS, type ProgressReport, type ProgressStatus, type Quarter } from './progress.ts'

/** Most reports a reports file may hold (as many as one document keeps on the server). */
export const MAX_FILE_REPORTS = 20_000

/**
 * Reads progress reports from parsed JSON written by hand or saved from GET /api/documents/:id/progress:
 * an array of reports or `{ "reports": [...] }`. Each needs itemId, quarter (1–4), status
 * (not-started / in-progress / done / difficult) and at (a date or time); note and by are optional
 * (by may be a name). Returns the reports, or a Chinese sentence naming the first bad one.
 */
export function parseReports(value: unknown): { reports: ProgressReport[] } | { error: string } {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.reports) ? value.reports : null
  if (!list) return { error: '填报文件应是填报记录的数组，或含 "reports" 数组的对象（即 GET /api/documents/:id/progress 的结果）' }
  if (list.length > MAX_FILE_REPORTS) return { error: `填报文件最多 ${MAX_FILE_REPORTS} 条记录，此文件有 ${list.length} 条` }
  const reports: ProgressReport[] = []
  for (let i = 0; i < list.length; i++) {
    const read = readReport(list[i], i)
    if (typeof read === 'string') return { error: `填报文件第 ${i + 1} 条无效：${read}` }
    reports.push(read)
  }
  return { reports }
}

/** One report, or what is wrong with it. */
function readReport(raw: unknown, index: number): ProgressReport | string {
  if (!isObject(raw)) return '应是一个对象'
  const { itemId, quarter, status, note = '', at, by } = raw
  if (typeof itemId !== 'string' || !itemId || itemId.length > 100) return '缺少条目编号 itemId'
  if (!QUARTERS.includes(quarter as Quarter)) return '季度 quarter 只能是 1、2、3 或 4'
  if (!PROGRESS_STATUSES.includes(status as ProgressStatus)) return '状态 status 只能是 not-started、in-progress、done 或 difficult'
  if (typeof note !== 'string') return '进展说明 note 应是文字'
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return '填报时间 at 应是日期或时间，如 2025-04-03 或 2025-04-03T09:30:00+08:00'
  const who = readBy(by)
  if (!who) return '填报人 by 应是姓名，或含 name（和 department）的对象'
  const id = typeof raw.id === 'string' && raw.id ? raw.id.slice(0, 100) : `file-${index + 1}`
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) ? raw.year : undefined
  return {
    id,
    itemId,
    quarter: quarter as Quarter,
    status: status as ProgressStatus,
    note: note.replace(/\s+/g, ' ').trim().slice(0, MAX_PROGRESS_NOTE),
    ...(year ? { year } : {}),
    at: new Date(Date.parse(at)).toISOString(),
    by: who,
  }
}

function readBy(by: unknown): ProgressReport['by'] | null {
  if (by === undefined) return { id: '', name: '' }
  if (typeof by === 'string') return { id: '', name: by.slice(0, 50) }
  if (!isObject(by) || typeof by.name !== 'string') return null
  const department = typeof by.department === 'string' && by.department ? by.department.slice(0, 50) : undefined
  return { id: typeof by.id === 'string' ? by.id.slice(0, 100) : '', name: by.name.slice(0, 50), ...(department ? { department } : {}) }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

import type { DepartmentTasksResponse, ProgressResponse } from '../../shared/api/breakdown.ts'
import type { LedgerResponse } from '../../shared/breakdown/ledger.ts'
import type { ProgressReport, ProgressRequest } from '../../shared/breakdown/progress.ts'
import type { BreakdownRow } from '../../shared/breakdown/table.ts'
import { apiRequest } from './apiRequest.ts'

const path = (id: string): string => `/api/documents/${encodeURIComponent(id)}/progress`

/** 本科室任务: the signed-in user's 科室 and the items it leads or supports across the plans they may open. */
export function getMyTasks(): Promise<DepartmentTasksResponse> {
  return apiRequest('GET', '/api/me/tasks')
}

/** Every progress report of a plan and the items this user may report on. */
export function getProgress(docId: string): Promise<ProgressResponse> {
  return apiRequest('GET', path(docId))
}

/** Reports progress on one item for one quarter; the server stamps who and when. */
export function reportProgress(docId: string, report: ProgressRequest): Promise<ProgressReport> {
  return apiRequest('POST', path(docId), report)
}

/** Where a plan's 台账 downloads from. */
export function ledgerPath(docId: string, format: 'xlsx' | 'docx'): string {
  return `/api/documents/${encodeURIComponent(docId)}/ledger.${format}`
}

/** A plan's 台账: every item with its latest reports, overdue ones marked (the rows the .xlsx/.docx print). */
export function getLedger(docId: string): Promise<LedgerResponse> {
  return apiRequest('GET', `/api/documents/${encodeURIComponent(docId)}/ledger`)
}

/** A plan's 任务分解表 as rows. */
export function getBreakdownRows(docId: string): Promise<{ title: string; rows: BreakdownRow[] }> {
  return apiRequest('GET', `/api/documents/${encodeURIComponent(docId)}/breakdown`)
}

import { departmentRole, MAX_PROGRESS_NOTE, type ProgressReport, type ProgressRequest } from '../../shared/breakdown/progress.ts'
import type { BreakdownRow } from '../../shared/breakdown/table.ts'
import { newId } from '../../shared/plan/ids.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import type { Storage } from '../storage/Storage.ts'
import { docKey } from '../storage/keys.ts'
import type { DocRole } from '../../shared/api/types.ts'

/** Most reports one document keeps: four quarters of weekly reports on a 300-item plan fit; a runaway client does not. */
export const MAX_PROGRESS_REPORTS = 20_000

/** Every progress report of a document, oldest first. */
export async function listProgress(storage: Storage, docId: string): Promise<ProgressReport[]> {
  const rows = await storage.list<ProgressReport>('progress', `${docId}!`)
  return rows.map((r) => r.value)
}

/** Whether this user may report on the item: owners on any item, others when their 科室 leads or supports it. */
export function mayReport(user: UserRecord, role: DocRole, row: Pick<BreakdownRow, 'lead' | 'support'>): boolean {
  return role === 'owner' || departmentRole(row, user.department) !== null
}

/**
 * Stores a new report, stamped with the signed-in account, its 科室 and the server's clock. Reports
 * are only ever added: a second report for the same quarter supersedes the first in the 台账 and
 * both stay in the history. The caller checked the role and that the item exists.
 */
export async function addProgress(storage: Storage, user: UserRecord, docId: string, request: ProgressRequest, year: number | undefined): Promise<ProgressReport> {
  const note = request.note.replace(/\s+/g, ' ').trim()
  if (note.length > MAX_PROGRESS_NOTE) throw new AppError('bad-request', `进展说明最多 ${MAX_PROGRESS_NOTE} 个字`)
  const existing = await storage.list<ProgressReport>('progress', `${docId}!`)
  if (existing.length >= MAX_PROGRESS_REPORTS) throw new AppError('too-many-reports', `本文档的进展填报已达 ${MAX_PROGRESS_REPORTS} 条上限，请联系管理员`, 409)
  const at = new Date().toISOString()
  const report: ProgressReport = {
    id: newId('p'),
    itemId: request.itemId,
    quarter: request.quarter,
    status: request.status,
    note,
    ...(year ? { year } : {}),
    at,
    by: { id: user.id, name: user.displayName, ...(user.department ? { department: user.department } : {}) },
  }
  // Keys sort by time, so a listing is the history in order; the id keeps two reports in one millisecond apart.
  await storage.write([{ type: 'put', collection: 'progress', key: docKey(docId, `${at}~${report.id}`), value: report }])
  return report
}

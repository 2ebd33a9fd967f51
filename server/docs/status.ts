import { MAX_STATUS_REASON, PLAN_STATUSES, STATUS_LABELS, STATUS_VERSION_NAMES, statusMoveProblem, statusOf, type PlanStatus, type StatusChange, type StatusResponse } from '../../shared/api/status.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import type { Storage } from '../storage/Storage.ts'
import { docKey } from '../storage/keys.ts'
import type { DocumentRecord, Documents } from './documents.ts'
import type { Versions } from './versions.ts'

/** The services a status change uses. */
export interface StatusServices {
  storage: Storage
  documents: Documents
  versions: Versions
}

/** Throws 409 when the document is 定稿: its text and title take no more changes until an owner reopens it. */
export function assertNotFinal(doc: { status?: PlanStatus }): void {
  if (statusOf(doc) === 'final') throw new AppError('final', '文档已定稿，不能再修改；如需修改，请所有者填写原因后重新打开', 409)
}

/** A document's status and every change of it, oldest first. */
export async function statusOfDocument(storage: Storage, doc: DocumentRecord): Promise<StatusResponse> {
  const rows = await storage.list<StatusChange>('statusChanges', `${doc.id}!`)
  return { status: statusOf(doc), changes: rows.map((r) => r.value) }
}

/**
 * Moves a document to another status (the caller checked that the user owns it): forward one step,
 * or back with a reason. The change is recorded with who and when; open sockets learn it before the
 * automatic version (征求意见稿, 送审稿, 定稿) is taken, so the 定稿 version holds every accepted edit.
 */
export async function changeStatus(services: StatusServices, user: UserRecord, doc: DocumentRecord, to: PlanStatus, reason: string | undefined, override = false): Promise<StatusChange> {
  if (!PLAN_STATUSES.includes(to)) throw new AppError('bad-status', '状态只能是 drafting（起草）、consultation（征求意见）、review（审核）或 final（定稿）')
  const cleanReason = reason?.replace(/\s+/g, ' ').trim()
  if (cleanReason && cleanReason.length > MAX_STATUS_REASON) throw new AppError('bad-status', `原因最多 ${MAX_STATUS_REASON} 个字`)
  const from = statusOf(doc)
  const problem = statusMoveProblem(from, to, cleanReason)
  if (problem) throw new AppError('bad-status', problem, from === to ? 409 : 400)
  const at = new Date().toISOString()
  const change: StatusChange = { from, to, at, by: { id: user.id, name: user.displayName } }
  if (cleanReason) change.reason = cleanReason
  if (override) change.override = true
  const next: DocumentRecord = { ...doc, status: to }
  if (to === 'drafting') delete next.status
  await services.storage.write([{ type: 'put', collection: 'documents', key: doc.id, value: next }])
  await services.documents.recordChanged(doc.id)
  const moveForward = PLAN_STATUSES.indexOf(to) > PLAN_STATUSES.indexOf(from)
  const versionName = moveForward ? STATUS_VERSION_NAMES[to] : null
  if (versionName) change.versionId = (await services.versions.create(doc.id, versionName, user)).id
  // Keys sort by time, then by a counter-free random tail so two changes in one millisecond both stay.
  await services.storage.write([{ type: 'put', collection: 'statusChanges', key: docKey(doc.id, `${at}~${Math.random().toString(36).slice(2, 8)}`), value: change }])
  return change
}

/** The Chinese label of a status, for log lines and messages. */
export function statusLabel(status: PlanStatus): string {
  return STATUS_LABELS[status]
}

import type { AccessRequestInfo } from '../../shared/api/accessRequests.ts'
import { MAX_REQUEST_NOTE } from '../../shared/api/accessRequests.ts'
import type { SharedRole } from '../../shared/api/types.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import type { Storage } from '../storage/Storage.ts'
import { docKey } from '../storage/keys.ts'
import type { Documents } from './documents.ts'

/** A stored request (the document title is looked up when shown, so a rename shows through). */
type RequestRecord = Omit<AccessRequestInfo, 'docTitle'>

/** The services access requests use. */
export interface RequestServices {
  storage: Storage
  documents: Documents
}

/**
 * Asks the owners of a document for access: one request per person and document (asking again
 * replaces it). Refused when the document does not exist (404) or the user can already open it (409).
 */
export async function requestAccess(services: RequestServices, user: UserRecord, docId: string, note: string | undefined): Promise<AccessRequestInfo> {
  const doc = await services.documents.get(docId)
  if (!doc || doc.archived) throw new AppError('not-found', '文档不存在', 404)
  if (await services.documents.roleOf(user, doc)) throw new AppError('bad-request', '您已经可以打开此文档', 409)
  const clean = note?.replace(/\s+/g, ' ').trim()
  if (clean && clean.length > MAX_REQUEST_NOTE) throw new AppError('bad-request', `说明最多 ${MAX_REQUEST_NOTE} 个字`)
  const record: RequestRecord = { docId, userId: user.id, name: user.name, displayName: user.displayName, at: new Date().toISOString(), state: 'pending', ...(clean ? { note: clean } : {}) }
  await services.storage.write([{ type: 'put', collection: 'accessRequests', key: docKey(docId, user.id), value: record }])
  return record
}

/** The user's own request for a document, if any (the title only once granted). */
export async function ownRequest(services: RequestServices, user: UserRecord, docId: string): Promise<AccessRequestInfo | null> {
  const doc = await services.documents.get(docId)
  if (!doc || doc.archived) throw new AppError('not-found', '文档不存在', 404)
  const record = await services.storage.get<RequestRecord>('accessRequests', docKey(docId, user.id))
  if (!record) return null
  return record.state === 'granted' ? { ...record, docTitle: doc.title } : record
}

/** A document's pending requests (owners). */
export async function pendingFor(services: RequestServices, docId: string): Promise<AccessRequestInfo[]> {
  const doc = await services.documents.get(docId)
  const rows = await services.storage.list<RequestRecord>('accessRequests', `${docId}!`)
  return rows
    .map((r) => r.value)
    .filter((r) => r.state === 'pending')
    .map((r) => ({ ...r, docTitle: doc?.title }))
}

/** Every request the user may act on (pending, on documents they own) and the user's own requests, for the document list. */
export async function requestsOverview(services: RequestServices, user: UserRecord): Promise<{ toDecide: AccessRequestInfo[]; mine: AccessRequestInfo[] }> {
  const rows = (await services.storage.list<RequestRecord>('accessRequests')).map((r) => r.value)
  const toDecide: AccessRequestInfo[] = []
  const mine: AccessRequestInfo[] = []
  for (const r of rows) {
    const doc = await services.documents.get(r.docId)
    if (!doc || doc.archived) continue
    if (r.userId === user.id) mine.push(r.state === 'granted' ? { ...r, docTitle: doc.title } : r)
    else if (r.state === 'pending' && (await services.documents.roleOf(user, doc)) === 'owner') toDecide.push({ ...r, docTitle: doc.title })
  }
  return { toDecide, mine }
}

/** Grants (the role, editor by default) or declines a pending request (owners, checked by the caller). */
export async function decide(services: RequestServices, docId: string, userId: string, decision: 'grant' | 'decline', role: SharedRole = 'editor'): Promise<AccessRequestInfo> {
  const record = await services.storage.get<RequestRecord>('accessRequests', docKey(docId, userId))
  if (!record) throw new AppError('not-found', '没有这条权限申请', 404)
  if (record.state !== 'pending') throw new AppError('bad-request', '这条申请已经处理过了', 409)
  if (decision === 'grant') await services.documents.setMember(docId, userId, role)
  const next: RequestRecord = { ...record, state: decision === 'grant' ? 'granted' : 'declined', decidedAt: new Date().toISOString(), ...(decision === 'grant' ? { role } : {}) }
  await services.storage.write([{ type: 'put', collection: 'accessRequests', key: docKey(docId, userId), value: next }])
  return next
}

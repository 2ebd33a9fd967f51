import type { AccessRequestInfo } from '../../shared/api/accessRequests.ts'
import type { SharedRole } from '../../shared/api/types.ts'
import { apiRequest } from './apiRequest.ts'

const path = (docId: string): string => `/api/documents/${encodeURIComponent(docId)}/access-requests`

/** Asks a document's owners for access, with an optional note. */
export function requestAccess(docId: string, note: string): Promise<AccessRequestInfo> {
  return apiRequest('POST', path(docId), note ? { note } : {})
}

/** The user's own request for a document (null: none). */
export async function ownRequest(docId: string): Promise<AccessRequestInfo | null> {
  return (await apiRequest<{ request: AccessRequestInfo | null }>('GET', `${path(docId)}/mine`)).request
}

/** A document's pending requests (owners). */
export function pendingRequests(docId: string): Promise<AccessRequestInfo[]> {
  return apiRequest('GET', path(docId))
}

/** Grants a role or declines a request (owners). */
export function decideRequest(docId: string, userId: string, decision: 'grant' | 'decline', role?: SharedRole): Promise<AccessRequestInfo> {
  return apiRequest('POST', `${path(docId)}/${encodeURIComponent(userId)}`, role ? { decision, role } : { decision })
}

/** Requests to decide (documents the user owns) and the user's own requests. */
export function requestsOverview(): Promise<{ toDecide: AccessRequestInfo[]; mine: AccessRequestInfo[] }> {
  return apiRequest('GET', '/api/access-requests')
}

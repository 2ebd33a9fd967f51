import type { PlanStatus, StatusResponse } from '../../shared/api/status.ts'
import { apiRequest } from './apiRequest.ts'

const path = (id: string): string => `/api/documents/${encodeURIComponent(id)}/status`

/** A document's status (起草 … 定稿) and its changes. */
export function getStatus(docId: string): Promise<StatusResponse> {
  return apiRequest('GET', path(docId))
}

/** Moves a document to another status (owners); a move back needs a reason, and so does forcing 定稿 past missing 任务分解 fields. */
export function changeStatus(docId: string, status: PlanStatus, reason?: string, override = false): Promise<StatusResponse> {
  return apiRequest('POST', path(docId), { status, ...(reason ? { reason } : {}), ...(override ? { override } : {}) })
}

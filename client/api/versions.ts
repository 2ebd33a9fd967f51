import type { PlanResponse, VersionInfo } from '../../shared/api/types.ts'
import { apiRequest } from './apiRequest.ts'

const versionsOf = (docId: string): string => `/api/documents/${encodeURIComponent(docId)}/versions`

/** The document's named versions, newest first. */
export async function listVersions(docId: string): Promise<VersionInfo[]> {
  const res = await apiRequest<{ versions: VersionInfo[] } | VersionInfo[]>('GET', versionsOf(docId))
  const list = Array.isArray(res) ? res : res.versions
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Saves the document's current state as a named version (征求意见稿, 送审稿 …). */
export async function createVersion(docId: string, name: string): Promise<VersionInfo> {
  const res = await apiRequest<{ version: VersionInfo } | VersionInfo>('POST', versionsOf(docId), { name })
  return 'version' in res ? res.version : res
}

/** A named version's text as Plan JSON. */
export function getVersionPlan(docId: string, versionId: string): Promise<PlanResponse> {
  return apiRequest('GET', `${versionsOf(docId)}/${encodeURIComponent(versionId)}/plan`)
}

/** Makes the document's text equal to the version's, as a new change (history is kept). */
export function restoreVersion(docId: string, versionId: string): Promise<unknown> {
  return apiRequest('POST', `${versionsOf(docId)}/${encodeURIComponent(versionId)}/restore`)
}

import type { DocRole, MemberInfo, SharedRole, UserInfo } from '../../shared/api/types.ts'
import { apiRequest } from './apiRequest.ts'

const doc = (id: string): string => `/api/documents/${encodeURIComponent(id)}`

/** The people with a role on a document. */
export function listMembers(docId: string): Promise<MemberInfo[]> {
  return apiRequest('GET', `${doc(docId)}/members`)
}

/** Gives a person a role on a document, or changes it (owners). */
export function setMember(docId: string, userId: string, role: DocRole): Promise<MemberInfo> {
  return apiRequest('PUT', `${doc(docId)}/members/${encodeURIComponent(userId)}`, { role })
}

/** Takes a person's role on a document away (owners). */
export function removeMember(docId: string, userId: string): Promise<unknown> {
  return apiRequest('DELETE', `${doc(docId)}/members/${encodeURIComponent(userId)}`)
}

/** Sets the role every signed-in user has on a document, or null for members only (owners). */
export function setEveryoneRole(docId: string, everyone: SharedRole | null): Promise<unknown> {
  return apiRequest('PATCH', doc(docId), { everyone })
}

/** Every account in the bureau (to choose whom to share with). */
export function listUsers(): Promise<UserInfo[]> {
  return apiRequest('GET', '/api/users')
}

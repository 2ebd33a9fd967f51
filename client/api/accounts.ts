import type { AccountInfo, UpdateAccountRequest } from '../../shared/api/accounts.ts'
import type { GlobalRole, UserInfo } from '../../shared/api/types.ts'
import { apiRequest } from './apiRequest.ts'

/** Every account with its state (admins). */
export function listAccounts(): Promise<AccountInfo[]> {
  return apiRequest('GET', '/api/accounts')
}

/** Changes an account's display name, role, 科室 or disabled state (admins). */
export function updateAccount(userId: string, change: UpdateAccountRequest): Promise<AccountInfo> {
  return apiRequest('PATCH', `/api/accounts/${encodeURIComponent(userId)}`, change)
}

/** Creates an account (admins). */
export function createAccount(input: { name: string; password: string; role: GlobalRole; displayName?: string }): Promise<UserInfo> {
  return apiRequest('POST', '/api/users', input)
}

/** Sets a new password for an account (admins); its sessions end. */
export function resetPassword(userId: string, password: string): Promise<unknown> {
  return apiRequest('PUT', `/api/users/${encodeURIComponent(userId)}/password`, { password })
}

/** Changes the signed-in user's own password; other sign-ins end. */
export function changeOwnPassword(oldPassword: string, newPassword: string): Promise<unknown> {
  return apiRequest('PUT', '/api/me/password', { oldPassword, newPassword })
}

/** The bureau's 科室 list. */
export function listDepartments(): Promise<string[]> {
  return apiRequest('GET', '/api/departments')
}

/** Replaces the 科室 list (admins). */
export function saveDepartments(departments: string[]): Promise<string[]> {
  return apiRequest('PUT', '/api/departments', { departments })
}

import type { LoginResponse, UserInfo } from '../../shared/api/types.ts'
import { apiRequest } from './apiRequest.ts'
import { setSession } from './session.ts'

/** Signs in and keeps the session in this browser. */
export async function login(name: string, password: string): Promise<LoginResponse> {
  const session = await apiRequest<LoginResponse>('POST', '/api/login', { name, password })
  setSession(session)
  return session
}

/** Signs out on the server (best effort) and forgets the session here. */
export async function logout(): Promise<void> {
  try {
    await apiRequest<unknown>('POST', '/api/logout')
  } finally {
    setSession(null)
  }
}

/** The signed-in user as the server sees them. */
export function me(): Promise<{ user: UserInfo }> {
  return apiRequest('GET', '/api/me')
}

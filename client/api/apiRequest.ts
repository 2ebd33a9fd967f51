import { ApiFailure } from './ApiFailure.ts'
import { failureOf } from './failureOf.ts'
import { notify } from '../state/notices.ts'
import { getSession, setSession } from './session.ts'

/** Sentence for a request that never reached the server. */
export const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试'

/**
 * Calls the JSON API with the session's bearer token. Every failure becomes an ApiFailure with a
 * plain Chinese sentence; a 401 also ends the session, which sends the user to sign in again.
 */
export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const session = getSession()
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (session) headers.Authorization = `Bearer ${session.token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiFailure('network', NETWORK_MESSAGE, 0)
  }
  if (!res.ok) {
    const failure = await failureOf(res)
    if (res.status === 401 && session && !path.endsWith('/login')) {
      notify(failure.message, 'error')
      setSession(null)
    }
    throw failure
  }
  if (res.status === 204) return undefined as T
  try {
    return (await res.json()) as T
  } catch {
    throw new ApiFailure('bad_response', '服务器的回答无法读取，请稍后重试', res.status)
  }
}

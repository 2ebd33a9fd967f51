import { ApiFailure } from './ApiFailure.ts'
import { NETWORK_MESSAGE } from './apiRequest.ts'
import { failureOf } from './failureOf.ts'
import { getSession, setSession } from './session.ts'
import { notify } from '../state/notices.ts'

/**
 * GET `path` with the session's bearer token (a plain link could not send it) and resolve with the
 * successful response. Every failure is an ApiFailure with a plain Chinese sentence; a 401 ends the
 * session as other requests do.
 */
export async function authorizedFetch(path: string): Promise<Response> {
  const session = getSession()
  let res: Response
  try {
    res = await fetch(path, { headers: session ? { Authorization: `Bearer ${session.token}` } : {} })
  } catch {
    throw new ApiFailure('network', NETWORK_MESSAGE, 0)
  }
  if (res.ok) return res
  const failure = await failureOf(res)
  if (res.status === 401 && session) {
    notify(failure.message, 'error')
    setSession(null)
  }
  throw failure
}

/** Said when the body stops arriving after the response began. */
export const DOWNLOAD_BROKEN = '下载中断，请检查网络后重试'

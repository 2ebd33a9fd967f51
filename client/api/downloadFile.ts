import { ApiFailure } from './ApiFailure.ts'
import { NETWORK_MESSAGE } from './apiRequest.ts'
import { dispositionFilename } from './dispositionFilename.ts'
import { failureOf } from './failureOf.ts'
import { saveBlob } from './saveBlob.ts'
import { getSession, setSession } from './session.ts'
import { notify } from '../state/notices.ts'

/**
 * Fetches a file from the API with the session's token (a plain link could not send it) and hands it
 * to the browser as a download under the name the server gave. Failures become an ApiFailure with a
 * plain Chinese sentence; a 401 ends the session as other requests do.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const session = getSession()
  let res: Response
  try {
    res = await fetch(path, { headers: session ? { Authorization: `Bearer ${session.token}` } : {} })
  } catch {
    throw new ApiFailure('network', NETWORK_MESSAGE, 0)
  }
  if (!res.ok) {
    const failure = await failureOf(res)
    if (res.status === 401 && session) {
      notify(failure.message, 'error')
      setSession(null)
    }
    throw failure
  }
  let blob: Blob
  try {
    blob = await res.blob()
  } catch {
    throw new ApiFailure('network', '下载中断，请检查网络后重试', 0)
  }
  saveBlob(blob, dispositionFilename(res.headers.get('content-disposition')) ?? fallbackName)
}

import { ApiFailure } from './ApiFailure.ts'
import { authorizedFetch, DOWNLOAD_BROKEN } from './authorizedFetch.ts'
import { dispositionFilename } from './dispositionFilename.ts'
import { saveBlob } from './saveBlob.ts'

/**
 * Fetches a file from the API with the session's token and hands it to the browser as a download
 * under the name the server gave. Failures become an ApiFailure with a plain Chinese sentence.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await authorizedFetch(path)
  let blob: Blob
  try {
    blob = await res.blob()
  } catch {
    throw new ApiFailure('network', DOWNLOAD_BROKEN, 0)
  }
  saveBlob(blob, dispositionFilename(res.headers.get('content-disposition')) ?? fallbackName)
}

import type { ApiError } from '../../../shared/api/types.ts'

/** A finished download: status, the headers a browser reads, and the bytes (or the JSON error). */
export interface Download {
  status: number
  contentType: string | null
  disposition: string | null
  bytes: Uint8Array
  /** The `{error}` body of a refused request. */
  error?: ApiError['error']
}

/** GETs an export from a test server with a bearer token, reading the body as bytes. */
export async function download(baseUrl: string, path: string, token?: string): Promise<Download> {
  const res = await fetch(baseUrl + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const result: Download = { status: res.status, contentType: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes }
  if (!res.ok) result.error = (JSON.parse(new TextDecoder().decode(bytes)) as ApiError).error
  return result
}

/** The file name of a Content-Disposition header's RFC 5987 `filename*` parameter. */
export function dispositionName(header: string | null): string | undefined {
  const m = header ? /filename\*=UTF-8''([^;]+)/i.exec(header) : null
  return m ? decodeURIComponent(m[1]) : undefined
}

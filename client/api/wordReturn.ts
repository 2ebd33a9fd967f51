import type { WordReturnSummary } from '../../shared/review/wordReturnTypes.ts'
import { ApiFailure } from './ApiFailure.ts'
import { NETWORK_MESSAGE } from './apiRequest.ts'
import { failureOf } from './failureOf.ts'
import { MAX_IMPORT_BYTES } from './importDocument.ts'
import { getSession, setSession } from './session.ts'

/**
 * 导入返回的Word: sends a .docx a department returned (the file itself is the body) to
 * POST /api/documents/:id/word-return; its revisions become suggestions and its comments threads
 * on the live document. Resolves with what was placed and what could not be, and why.
 */
export async function importWordReturn(docId: string, file: File): Promise<WordReturnSummary> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  if (ext === 'doc' || ext === 'wps') throw new ApiFailure('unsupported-format', `不支持 .${ext} 文件：请在 Word 或 WPS 中另存为 .docx 后再导入`, 0)
  if (ext !== 'docx') throw new ApiFailure('unsupported-format', '只能导入 .docx 文件', 0)
  if (file.size > MAX_IMPORT_BYTES) throw new ApiFailure('too_large', '文件超过 8 MB，无法导入', 0)
  if (file.size === 0) throw new ApiFailure('empty_file', '文件是空的，没有可导入的内容', 0)
  const session = getSession()
  let res: Response
  try {
    res = await fetch(`/api/documents/${encodeURIComponent(docId)}/word-return`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...(session ? { Authorization: `Bearer ${session.token}` } : {}) },
      body: file,
    })
  } catch {
    throw new ApiFailure('network', NETWORK_MESSAGE, 0)
  }
  if (res.ok) return (await res.json()) as WordReturnSummary
  if (res.status === 401) setSession(null)
  throw await failureOf(res)
}

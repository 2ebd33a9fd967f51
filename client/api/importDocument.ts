import type { CreateDocumentResponse, DocumentKind } from '../../shared/api/types.ts'
import { ApiFailure } from './ApiFailure.ts'
import { NETWORK_MESSAGE } from './apiRequest.ts'
import { getSession, setSession } from './session.ts'

/** Largest file offered for import; the server has its own limit and says so in Chinese. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

/** Progress of an import: the upload (0–1) and then the server reading the file. */
export type ImportProgress = { phase: 'reading' | 'uploading'; fraction: number } | { phase: 'importing' }

/**
 * Uploads a .txt or .docx file to import as a new document: the file itself is the body of
 * POST /api/documents/import (the browser streams it; nothing is read or base64-encoded here, and
 * the server hands the bytes to its import worker as they are). Uses XMLHttpRequest because fetch
 * cannot report upload progress.
 */
export async function importDocument(file: File, kind: DocumentKind, onProgress: (p: ImportProgress) => void): Promise<CreateDocumentResponse> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  if (ext === 'doc' || ext === 'wps' || ext === 'pdf') throw new ApiFailure('unsupported-format', `不支持 .${ext} 文件：请在 Word 或 WPS 中另存为 .docx 后再导入`, 0)
  if (ext !== 'txt' && ext !== 'docx') throw new ApiFailure('unsupported-format', '只能导入 .txt 或 .docx 文件', 0)
  if (file.size > MAX_IMPORT_BYTES) throw new ApiFailure('too_large', '文件超过 8 MB，无法导入', 0)
  if (file.size === 0) throw new ApiFailure('empty_file', '文件是空的，没有可导入的内容', 0)
  onProgress({ phase: 'uploading', fraction: 0 })
  const query = new URLSearchParams({ filename: file.name, kind })
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/documents/import?${query.toString()}`)
    // Not the file's own type (text/plain, the .docx MIME type): the route reads bytes whatever they are.
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    const session = getSession()
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`)
    xhr.upload.onprogress = (e) => onProgress({ phase: 'uploading', fraction: e.lengthComputable ? e.loaded / e.total : 0 })
    xhr.upload.onload = () => onProgress({ phase: 'importing' })
    xhr.onerror = () => reject(new ApiFailure('network', NETWORK_MESSAGE, 0))
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText)
      if (xhr.status >= 200 && xhr.status < 300 && parsed) return resolve(parsed as CreateDocumentResponse)
      if (xhr.status === 401) setSession(null)
      reject(failureFromBody(parsed, xhr.status))
    }
    xhr.send(file)
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function failureFromBody(body: unknown, status: number): ApiFailure {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e: unknown = body.error
    if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
      return new ApiFailure('code' in e && typeof e.code === 'string' ? e.code : `http_${status}`, e.message, status)
    }
  }
  if (status === 413) return new ApiFailure('too_large', '文件太大，无法导入', status)
  return new ApiFailure(`http_${status}`, '导入没有成功，请检查文件后重试', status)
}

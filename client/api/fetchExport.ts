import { ApiFailure } from './ApiFailure.ts'
import { authorizedFetch, DOWNLOAD_BROKEN } from './authorizedFetch.ts'
import { dispositionFilename } from './dispositionFilename.ts'

/** Progress of an export download: the server setting the file, then its bytes arriving (0–1). */
export type ExportProgress = { phase: 'generating' } | { phase: 'downloading'; fraction: number }

/** What an export is of: a document's current text, or one of its named versions. */
export interface ExportTarget {
  docId: string
  versionId?: string
}

/** 任务分解 in a Word export: each item's fields printed after it, the 任务分解表 attached as 附件. */
export interface BreakdownExport {
  fields?: boolean
  table?: boolean
}

/** How open 修订 suggestions print: as if all were rejected (the clean draft), as if all were accepted, or as Word revisions with the 批注. */
export type SuggestionExport = 'reject' | 'accept' | 'track'

/** The API path of a Word export. */
export function exportPath({ docId, versionId }: ExportTarget, notice: boolean, breakdown: BreakdownExport = {}, suggestions: SuggestionExport = 'reject'): string {
  const doc = `/api/documents/${encodeURIComponent(docId)}`
  const reading = suggestions === 'track' ? '&review=1' : suggestions === 'accept' ? '&accepted=1' : ''
  const extra = `${breakdown.fields ? '&fields=1' : ''}${breakdown.table ? '&table=1' : ''}${reading}`
  return `${versionId ? `${doc}/versions/${encodeURIComponent(versionId)}` : doc}/export.docx?notice=${notice ? 1 : 0}${extra}`
}

/**
 * Fetches a Word export with the session's token and reads it while reporting progress. Resolves
 * with the file and the name the server gave it; every failure is an ApiFailure with a plain
 * Chinese sentence.
 */
export async function fetchExport(
  target: ExportTarget,
  notice: boolean,
  onProgress: (p: ExportProgress) => void,
  breakdown: BreakdownExport = {},
  suggestions: SuggestionExport = 'reject',
): Promise<{ blob: Blob; filename: string }> {
  onProgress({ phase: 'generating' })
  const res = await authorizedFetch(exportPath(target, notice, breakdown, suggestions))
  const filename = dispositionFilename(res.headers.get('content-disposition')) ?? '工作要点.docx'
  const type = res.headers.get('content-type') ?? 'application/octet-stream'
  try {
    return { blob: new Blob(await readAll(res, onProgress), { type }), filename }
  } catch {
    throw new ApiFailure('network', DOWNLOAD_BROKEN, 0)
  }
}

/** The body's chunks, reporting the share received when the server sent a length. */
async function readAll(res: Response, onProgress: (p: ExportProgress) => void): Promise<Uint8Array<ArrayBuffer>[]> {
  const total = Number(res.headers.get('content-length')) || 0
  const reader = res.body?.getReader()
  if (!reader) return [new Uint8Array(await res.arrayBuffer())]
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  onProgress({ phase: 'downloading', fraction: 0 })
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    onProgress({ phase: 'downloading', fraction: total ? Math.min(1, received / total) : 0 })
  }
  return chunks
}

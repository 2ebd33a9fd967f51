import { decodeText } from '../../shared/import/decode.ts'
import { importText, type ImportResult } from '../../shared/import/importText.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { parsePlanJson } from '../../shared/plan/planJson.ts'
import { checkFileSize } from './checkFileSize.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits.ts'

/** Imports a plan from a file's bytes: .docx, Plan JSON (.json) or text in UTF-8/GB18030; the name only picks the format. */
export async function importFile(bytes: Uint8Array, filename: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportResult> {
  checkFileSize(bytes, limits)
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase()
  if (ext === 'docx') {
    // mammoth and jszip are loaded on the first .docx, on the import worker, not with the server.
    const { importDocx } = await import('./docx.ts')
    return { ...(await importDocx(bytes, limits)), format: 'docx' }
  }
  if (ext === 'doc' || ext === 'wps' || ext === 'pdf') {
    throw new PlanError('unsupported-format', `不支持 .${ext} 文件：请在 Word 或 WPS 中另存为 .docx 后再导入`)
  }
  const { text } = decodeText(bytes)
  if (ext === 'json' || /^\s*\{/.test(text)) return { ...parsePlanJson(text), format: 'plan-json' }
  return { ...importText(text), format: 'text' }
}

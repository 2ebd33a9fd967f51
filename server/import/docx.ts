import type { ImportResult } from '../../shared/import/importText.ts'
import { PlanError } from '../../shared/plan/errors.ts'

/** Imports a .docx plan. Placeholder until the mammoth + numbering.xml importer lands; it refuses clearly. */
export async function importDocx(_bytes: Uint8Array): Promise<ImportResult> {
  throw new PlanError('unsupported-format', '暂不支持导入 .docx 文件')
}

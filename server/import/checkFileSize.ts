import { PlanError } from '../../shared/plan/errors.ts'
import { formatBytes, type ImportLimits } from './importLimits.ts'

/** Refuses an empty file, or one over the import limit's bytes, before anything reads it. */
export function checkFileSize(bytes: Uint8Array, limits: ImportLimits): void {
  if (bytes.length === 0) throw new PlanError('empty-file', '文件是空的，没有可导入的文字')
  if (bytes.length > limits.fileBytes) {
    throw new PlanError('file-too-large', `文件太大（${formatBytes(bytes.length)}），导入上限为 ${formatBytes(limits.fileBytes)}`)
  }
}

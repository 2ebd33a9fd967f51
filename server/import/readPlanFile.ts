import { open } from 'node:fs/promises'
import type { ImportResult } from '../../shared/import/importText.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { importFile } from './importFile.ts'
import { DEFAULT_IMPORT_LIMITS, formatBytes, type ImportLimits } from './importLimits.ts'

/**
 * Reads a plan from a path (.txt, .docx or Plan JSON), or from stdin (or the given input) when the
 * path is "-", within the import limits: never more than `limits.fileBytes` is read into memory.
 */
export async function readPlanFile(path: string, stdin: AsyncIterable<Uint8Array> = process.stdin, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportResult> {
  if (path !== '-') return importFile(await readBytes(path, limits), path, limits)
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of stdin) {
    size += chunk.length
    if (size > limits.fileBytes) throw tooLarge(limits)
    chunks.push(chunk)
  }
  const bytes = new Uint8Array(Buffer.concat(chunks))
  // Stdin has no name: a zip signature means .docx, anything else is text or Plan JSON.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  return importFile(bytes, isZip ? 'stdin.docx' : 'stdin.txt', limits)
}

/** The bytes of a file, refused by its size before it is read; errors keep the path so that the message can name it (Node leaves it off EISDIR). */
async function readBytes(path: string, limits: ImportLimits): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r')
    try {
      if ((await file.stat()).size > limits.fileBytes) throw tooLarge(limits)
      return new Uint8Array(await file.readFile())
    } finally {
      await file.close()
    }
  } catch (err) {
    if (err instanceof Error && !(err instanceof PlanError) && !(err as NodeJS.ErrnoException).path) Object.assign(err, { path })
    throw err
  }
}

function tooLarge(limits: ImportLimits): PlanError {
  return new PlanError('file-too-large', `文件太大，导入上限为 ${formatBytes(limits.fileBytes)}`)
}

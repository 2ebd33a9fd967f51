import { readFile } from 'node:fs/promises'
import type { ImportResult } from '../../shared/import/importText.ts'
import { importFile } from './importFile.ts'

/** Reads a plan from a path (.txt, .docx or Plan JSON), or from stdin (or the given input) when the path is "-". */
export async function readPlanFile(path: string, stdin: AsyncIterable<Uint8Array> = process.stdin): Promise<ImportResult> {
  if (path !== '-') return importFile(await readBytes(path), path)
  const chunks: Uint8Array[] = []
  for await (const chunk of stdin) chunks.push(chunk)
  const bytes = new Uint8Array(Buffer.concat(chunks))
  // Stdin has no name: a zip signature means .docx, anything else is text or Plan JSON.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  return importFile(bytes, isZip ? 'stdin.docx' : 'stdin.txt')
}

/** The bytes of a file; errors keep the path so that the message can name it (Node leaves it off EISDIR). */
async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (err) {
    if (err instanceof Error && !(err as NodeJS.ErrnoException).path) Object.assign(err, { path })
    throw err
  }
}

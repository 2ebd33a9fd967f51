import type { ImportJob } from './importWorkerLoop.ts'

/** Thrown (by name) for upload text that is not base64. */
export const BAD_BASE64 = 'BadBase64'

/** The bytes of a job's file; an Error named BadBase64 when the upload is not base64. */
export function fileBytes(file: ImportJob['file']): Uint8Array {
  if ('bytes' in file) return file.bytes
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(file.base64)) {
    const err = new Error('not base64')
    err.name = BAD_BASE64
    throw err
  }
  const buffer = Buffer.from(file.base64, 'base64')
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length)
}

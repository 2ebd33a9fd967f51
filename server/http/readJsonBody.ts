import type { IncomingMessage } from 'node:http'
import { AppError } from '../AppError.ts'

/** Largest JSON body accepted: a 10 MB file imported as base64 is about 13.4 MB. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

/** Reads and parses a JSON request body (an empty body is null); AppError 413 when too large, 400 when not JSON. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > limit) throw tooLarge()
    chunks.push(buf)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text.trim()) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AppError('bad-json', '请求内容不是有效的 JSON', 400)
  }
}

function tooLarge(): AppError {
  return new AppError('too-large', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）`, 413)
}

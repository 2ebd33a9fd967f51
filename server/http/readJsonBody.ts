import type { IncomingMessage } from 'node:http'
import { AppError } from '../AppError.ts'

/** How a body may be read: its size limit and the server-wide budget to draw from. */
export interface BodyReadOptions {
  /** Largest body accepted, in bytes. */
  limit: number
  /** Takes bytes from the server-wide budget; false when the server holds too much already. */
  reserve(bytes: number): boolean
}

/**
 * Reads and parses a JSON request body (an empty body is null). The declared Content-Length is
 * checked before a byte is read, and a body without one is cut off as soon as it passes the
 * limit: AppError 413. 503 when the server-wide budget is spent, 400 when it is not JSON.
 */
export async function readJsonBody(req: IncomingMessage, options: BodyReadOptions): Promise<unknown> {
  const declared = checkDeclaredLength(req, options.limit)
  if (declared !== null && !options.reserve(declared)) throw busy()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    checkSize(size, options.limit)
    if (declared === null && !options.reserve(buf.length)) throw busy()
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

/** The declared Content-Length (null when absent: chunked); AppError 413 when over `limit`, before any byte is read. */
export function checkDeclaredLength(req: IncomingMessage, limit: number): number | null {
  const header = req.headers['content-length']
  if (header === undefined) return null
  if (!/^\d{1,15}$/.test(header)) throw new AppError('bad-request', '请求头 Content-Length 无效', 400)
  const declared = Number(header)
  checkSize(declared, limit)
  return declared
}

function checkSize(bytes: number, limit: number): void {
  if (bytes > limit) throw new AppError('too-large', `请求内容过大（此接口上限 ${formatBytes(limit)}）`, 413)
}

function busy(): AppError {
  return new AppError('server-busy', '服务器正在接收其他大文件，请稍后重试', 503)
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`
}

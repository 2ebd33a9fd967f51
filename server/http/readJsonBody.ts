import type { IncomingMessage } from 'node:http'
import { AppError } from '../AppError.ts'

/** How a body may be read: its size limit and the server-wide budget to draw from. */
export interface BodyReadOptions {
  /** Largest body accepted, in bytes. */
  limit: number
  /** Takes bytes from the server-wide budget; false when the server holds too much already. */
  reserve(bytes: number): boolean
  /** Whether `bytes` would fit in the budget now (nothing taken). */
  fits(bytes: number): boolean
}

/**
 * Reads and parses a JSON request body (an empty body is null). The declared Content-Length is
 * checked before a byte is read, and a body without one is cut off as soon as it passes the
 * limit: AppError 413 (the caller then closes the connection instead of draining the rest).
 * 503 when the server-wide budget is spent, 400 when it is not JSON.
 */
export async function readJsonBody(req: IncomingMessage, options: BodyReadOptions): Promise<unknown> {
  const declared = checkDeclaredLength(req, options.limit)
  // A declared body that does not fit now is refused before reading (a clean 503). Bytes are
  // taken from the budget as they arrive, though: a client that declares 16 MB and sends nothing
  // holds nothing.
  if (declared !== null && !options.fits(declared)) throw busy()
  const bytes = await collect(req, (size, chunk) => {
    if (size > options.limit) return tooLarge(options.limit)
    if (!options.reserve(chunk)) return busy()
    return null
  })
  const text = bytes.toString('utf8')
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
  if (declared > limit) throw tooLarge(limit)
  return declared
}

/**
 * The body's bytes; `check(total, chunkBytes)` may refuse after any chunk, which stops reading at
 * once (the rest is never buffered). A client that goes away mid-body rejects too, so nothing waits.
 */
function collect(req: IncomingMessage, check: (total: number, chunk: number) => AppError | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (err: Error): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.pause()
      reject(err)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      const refusal = check(size, chunk.length)
      if (refusal) return stop(refusal)
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      req.off('close', onClose)
      resolve(Buffer.concat(chunks))
    }
    const onClose = (): void => stop(new AppError('bad-request', '请求在发送过程中中断', 400))
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('close', onClose)
    req.on('error', () => {}) // a reset connection ends in 'close' above
  })
}

function tooLarge(limit: number): AppError {
  return new AppError('too-large', `请求内容过大（此接口上限 ${formatBytes(limit)}）`, 413)
}

function busy(): AppError {
  return new AppError('server-busy', '服务器正在接收其他大文件，请稍后重试', 503)
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`
}

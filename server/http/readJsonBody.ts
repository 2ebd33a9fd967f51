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
  const bytes = await readBodyBytes(req, options)
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  if (!text.trim()) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AppError('bad-json', '请求内容不是有效的 JSON', 400)
  }
}

/**
 * The raw request body, in an ArrayBuffer of its own (so it can be transferred to a worker thread
 * without a copy). The same checks as readJsonBody: the declared length before a byte is read, the
 * limit and the budget as every chunk arrives (`tooLarge` replaces the 413 error, e.g. to name a
 * file limit).
 */
export async function readBodyBytes(req: IncomingMessage, options: BodyReadOptions & { tooLarge?: AppError }): Promise<Uint8Array> {
  const refuse = (): AppError => options.tooLarge ?? tooLarge(options.limit)
  let declared: number | null
  try {
    declared = checkDeclaredLength(req, options.limit)
  } catch (err) {
    throw err instanceof AppError && err.status === 413 ? refuse() : err
  }
  // A declared body that does not fit now is refused before reading (a clean 503). Bytes are
  // taken from the budget as they arrive, though: a client that declares 16 MB and sends nothing
  // holds nothing.
  if (declared !== null && !options.fits(declared)) throw busy()
  return collect(req, (size, chunk) => {
    if (size > options.limit) return refuse()
    if (!options.reserve(chunk)) return busy()
    return null
  })
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
 * Chunks are held as they come (nothing is allocated for bytes not yet sent) and copied once into
 * a buffer of exactly the body's size, which owns its whole ArrayBuffer.
 */
function collect(req: IncomingMessage, check: (total: number, chunk: number) => AppError | null): Promise<Uint8Array> {
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
      resolve(joined(chunks, size))
    }
    const onClose = (): void => stop(new AppError('bad-request', '请求在发送过程中中断', 400))
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('close', onClose)
    req.on('error', () => {}) // a reset connection ends in 'close' above
  })
}

/** The chunks copied into a new buffer of exactly `size` bytes (never a slice of Node's shared pool). */
function joined(chunks: Buffer[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
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

import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../../shared/api/types.ts'
import { IMPORT_BODY_BYTES } from '../../../server/http/bodyLimits.ts'
import { startTestServer } from '../../utils/testServer.ts'

const MB = 1024 * 1024

/** What came back for a request: a status and JSON body, or the connection ended first. */
interface Outcome {
  status: number | null
  body: ApiError | null
  /** Body bytes the client managed to hand to the socket before the answer or the end. */
  written: number
}

/**
 * Sends `body` (the same buffer may be shared by many requests, so the test's own memory stays
 * small) with a Content-Length header unless `chunked`, in 64 KB writes, and stops writing as
 * soon as an answer or an error comes.
 */
function send(url: string, path: string, body: Buffer, options: { token?: string; chunked?: boolean; method?: string } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (options.token) headers.Authorization = `Bearer ${options.token}`
    if (!options.chunked) headers['Content-Length'] = String(body.length)
    const req = request(url + path, { method: options.method ?? 'POST', headers })
    let written = 0
    let done = false
    const finish = (outcome: Omit<Outcome, 'written'>): void => {
      if (done) return
      done = true
      resolve({ ...outcome, written })
    }
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        finish({ status: res.statusCode ?? null, body: text ? (JSON.parse(text) as ApiError) : null })
      })
      res.on('error', () => finish({ status: res.statusCode ?? null, body: null }))
    })
    req.on('error', () => finish({ status: null, body: null }))
    const pump = (): void => {
      while (!done && written < body.length) {
        const chunk = body.subarray(written, Math.min(body.length, written + 64 * 1024))
        written += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!done) req.end()
    }
    req.flushHeaders()
    pump()
  })
}

/** Runs `work` while sampling this process's RSS; returns the work's result and the peak growth in MB. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  globalThis.gc?.()
  const base = process.memoryUsage.rss()
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage.rss())
    return { result, growthMb: (peak - base) / MB }
  } finally {
    clearInterval(timer)
  }
}

describe('request body limits', () => {
  it('answers 413 to sign-in on the declared length alone, before the body arrives', async () => {
    const server = await startTestServer()
    const answer = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(server.url + '/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(16 * MB) } })
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode)
      })
      req.on('error', reject)
      req.write('{"name":"admin",') // and nothing more: the server must not wait for the rest
    })
    expect(answer).toBe(413)
  })

  it('cuts off a chunked sign-in body as soon as it passes 8 KB, with a Chinese message', async () => {
    const server = await startTestServer()
    const outcome = await send(server.url, '/api/login', Buffer.alloc(16 * MB, 0x20), { chunked: true })
    expect(outcome.written).toBeLessThan(4 * MB)
    if (outcome.status !== null) {
      expect(outcome.status).toBe(413)
      expect(outcome.body?.error.message).toMatch(/^请求内容过大（此接口上限 8 KB）$/)
    }
  })

  it('holds RSS within 150 MB while 50 parallel 16 MB bodies are sent to sign-in without a token', async () => {
    const server = await startTestServer()
    const body = Buffer.alloc(16 * MB, 0x20)
    const { result, growthMb } = await peakRssGrowth(() => Promise.all(Array.from({ length: 50 }, () => send(server.url, '/api/login', body))))
    console.log(`50 × 16 MB to /api/login: peak RSS growth ${growthMb.toFixed(0)} MB`)
    expect(growthMb).toBeLessThan(150)
    for (const r of result) if (r.status !== null) expect(r.status).toBe(413)
    // The server still answers.
    expect((await server.api('GET', '/api/me', { token: server.admin.token })).status).toBe(200)
  })

  it('gives each route its limit: 64 KB for JSON routes, 16 MB for creating a document', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const patch = await send(server.url, `/api/documents/${doc.id}`, Buffer.from(JSON.stringify({ title: 'x'.repeat(100 * 1024) })), { token: server.admin.token, method: 'PATCH' })
    expect(patch.status).toBe(413)
    expect(patch.body?.error.message).toBe('请求内容过大（此接口上限 64 KB）')
    const big = await send(server.url, '/api/documents', Buffer.alloc(IMPORT_BODY_BYTES + 1, 0x20), { token: server.admin.token })
    expect(big.status === null || big.status === 413).toBe(true)
    // 1 MB is too much for a JSON route but fine for an import (here: not JSON, so 400 after reading it).
    const import1mb = await send(server.url, '/api/documents', Buffer.alloc(MB, 0x61), { token: server.admin.token })
    expect(import1mb.status).toBe(400)
    expect(import1mb.body?.error.code).toBe('bad-json')
  })

  it('reads only a few large bodies at once: 40 parallel 15 MB creations keep RSS growth within 500 MB', async () => {
    const server = await startTestServer()
    const body = Buffer.alloc(15 * MB, 0x61)
    const { result, growthMb } = await peakRssGrowth(() => Promise.all(Array.from({ length: 40 }, () => send(server.url, '/api/documents', body, { token: server.admin.token }))))
    console.log(`40 × 15 MB to POST /api/documents: peak RSS growth ${growthMb.toFixed(0)} MB; answers ${JSON.stringify(countBy(result.map((r) => r.status)))}`)
    expect(growthMb).toBeLessThan(500)
    expect(result.some((r) => r.status === 503 || r.status === 429)).toBe(true)
    for (const r of result) if (r.status !== null) expect([400, 429, 503]).toContain(r.status)
  })

  it('does not let bodies that are declared but never sent hold the budget', async () => {
    const server = await startTestServer()
    const stalled = Array.from({ length: 5 }, () => {
      const req = request(server.url + '/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(15 * MB), Authorization: `Bearer ${server.admin.token}` },
      })
      req.on('error', () => {})
      req.write('{"import":')
      return req
    })
    const answer = await send(server.url, '/api/documents', Buffer.alloc(MB, 0x61), { token: server.admin.token })
    expect(answer.status).toBe(400)
    expect(answer.body?.error.code).toBe('bad-json')
    for (const req of stalled) req.destroy()
  })
})

function countBy(values: Array<number | null>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1
  return out
}

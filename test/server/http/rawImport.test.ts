import { request } from 'node:http'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ApiError, CreateDocumentResponse } from '../../../shared/api/types.ts'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { DEFAULT_RATES } from '../../../server/http/routeRates.ts'
import { DEFAULT_IMPORT_LIMITS } from '../../../server/import/importLimits.ts'
import { buildDocx } from '../import/docxPackage.ts'
import { districtSeed, SEED_PATHS } from '../../utils/seeds.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'

/** POST /api/documents/import with the file itself as the body, as the browser's 导入 dialog sends it. */
async function upload(server: TestServer, query: string, body: Uint8Array, options: { token?: string | null; type?: string } = {}): Promise<{ status: number; body: unknown }> {
  const token = options.token === undefined ? server.admin.token : options.token
  const res = await fetch(`${server.url}/api/documents/import?${query}`, {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': options.type ?? 'application/octet-stream' },
    body: new Uint8Array(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined }
}

const SEED = new Uint8Array(readFileSync(SEED_PATHS.district))
const name = (filename: string): string => `filename=${encodeURIComponent(filename)}`

describe('importing a file sent as raw bytes (POST /api/documents/import)', () => {
  it('imports a .txt and a .docx sent as they are, with the kind from the query, like the base64 JSON form', async () => {
    const server = await startTestServer()
    const text = await upload(server, `${name('2021年工作要点.txt')}&kind=prior`, SEED)
    expect(text.status).toBe(201)
    const made = text.body as CreateDocumentResponse
    expect(made.document).toMatchObject({ title: '2021年下半年闵行教育工作要点', kind: 'prior', source: { kind: 'import', filename: '2021年工作要点.txt' } })
    const plan = await server.api<PlanJson>('GET', `/api/documents/${made.document.id}/plan`, { token: server.admin.token })
    expect(plan.body.sections.length).toBe(districtSeed().sections.length)
    const viaJson = await server.api<CreateDocumentResponse>('POST', '/api/documents', {
      token: server.admin.token,
      body: { import: { filename: 'a.txt', base64: Buffer.from(SEED).toString('base64') }, kind: 'prior' },
    })
    expect(viaJson.status).toBe(201)
    const jsonPlan = await server.api<PlanJson>('GET', `/api/documents/${viaJson.body.document.id}/plan`, { token: server.admin.token })
    expect(strip(jsonPlan.body)).toEqual(strip(plan.body))

    const docx = await buildDocx({ body: ['2025年工作要点', '一、总体要求', '1.做好工作。推进落实。'].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('') })
    const fromDocx = await upload(server, name('要点.docx'), docx)
    expect(fromDocx.status).toBe(201)
    expect((fromDocx.body as CreateDocumentResponse).document).toMatchObject({ title: '2025年工作要点', kind: 'draft' })
  })

  it('refuses a body declared over the import file limit with 413 in Chinese before any of it is sent', async () => {
    const server = await startTestServer()
    const declared = DEFAULT_IMPORT_LIMITS.fileBytes + 1
    // Headers only: the answer must come although not one byte of the body was sent.
    const answer = await rawRequest(server, { 'Content-Length': String(declared) }, () => {})
    expect(answer.status).toBe(413)
    expect(answer.body?.error).toMatchObject({ code: 'file-too-large', message: '文件太大，导入上限为 10 MB' })
  })

  it('cuts off a chunked body as soon as it passes the file limit (IMPORT_LIMIT_FILE_BYTES=1 MB), answering 413 or closing while the client still sends', async () => {
    const server = await startTestServer()
    const MB = 1024 * 1024
    process.env.IMPORT_LIMIT_FILE_BYTES = String(MB)
    try {
      let sent = 0
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      // Writes until the answer (or the server's reset) comes; the body is never ended, so only a refusal mid-body ends this.
      const answer = await rawRequest(server, { 'Transfer-Encoding': 'chunked' }, (req, answered) => {
        const pump = (): void => {
          while (!answered() && sent < 64 * MB) {
            sent += chunk.length
            if (!req.write(chunk)) return void req.once('drain', pump)
          }
        }
        pump()
      })
      expect(sent).toBeGreaterThan(MB)
      // What the loopback buffers take beyond the limit, far from the 64 MB offered.
      expect(sent).toBeLessThan(12 * MB)
      // The answer may be lost to the reset that ends a connection with unread bytes; when it comes it is the 413.
      if (answer.status !== null) {
        expect(answer.status).toBe(413)
        expect(answer.body?.error).toMatchObject({ code: 'file-too-large', message: '文件太大，导入上限为 1 MB' })
      }
    } finally {
      delete process.env.IMPORT_LIMIT_FILE_BYTES
    }
    // The server goes on serving.
    expect((await upload(server, name('a.txt'), SEED)).status).toBe(201)
  })

  it('answers 400 in Chinese for a missing or odd file name, an unknown kind or parameter, an empty file, and 415 for JSON', async () => {
    const server = await startTestServer()
    const cases: Array<[string, Uint8Array, string | undefined, number, string, RegExp]> = [
      ['kind=draft', SEED, undefined, 400, 'bad-request', /文件名/],
      [name('   '), SEED, undefined, 400, 'bad-request', /文件名/],
      [name('a'.repeat(252) + '.txt'), SEED, undefined, 400, 'bad-request', /255 个字符/],
      [name('a\nb.txt'), SEED, undefined, 400, 'bad-request', /控制字符/],
      [`${name('a.txt')}&kind=weird`, SEED, undefined, 400, 'bad-kind', /文档类型只能是/],
      [`${name('a.txt')}&kinds=prior`, SEED, undefined, 400, 'bad-request', /不认识的参数“kinds”/],
      [name('a.doc'), SEED, undefined, 400, 'unsupported-format', /另存为 \.docx/],
      [name('a.txt'), new Uint8Array(0), undefined, 400, 'empty-file', /空的/],
      [name('a.txt'), SEED, 'application/json', 415, 'bad-request', /application\/octet-stream/],
    ]
    for (const [query, body, type, status, code, message] of cases) {
      const res = await upload(server, query, body, { type })
      expect(res.status, query).toBe(status)
      expect((res.body as ApiError).error.code, query).toBe(code)
      expect((res.body as ApiError).error.message, query).toMatch(message)
    }
    expect((await server.api<unknown[]>('GET', '/api/documents', { token: server.admin.token })).body).toEqual([])
  })

  it('answers 401 without a token or with a tampered one, and creates nothing', async () => {
    const server = await startTestServer()
    for (const token of [null, `${server.admin.token}x`]) {
      const res = await upload(server, name('a.txt'), SEED, { token })
      expect(res.status).toBe(401)
      expect((res.body as ApiError).error).toMatchObject({ code: 'unauthenticated' })
    }
    expect((await server.api<unknown[]>('GET', '/api/documents', { token: server.admin.token })).body).toEqual([])
  })

  it('shares the create-document rate: past the burst a raw import gets 429 in Chinese', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('zhaoliu')
    const { burst, everyMs } = DEFAULT_RATES['create-document'].account
    const started = Date.now()
    for (let i = 0; i < burst; i++) expect((await server.api('POST', '/api/documents', { token, body: { template: 'blank', title: `计划${i}` } })).status).toBe(201)
    let refused = await upload(server, name('a.txt'), SEED, { token })
    // A token bucket refills while the test runs: one more may pass per refill period elapsed.
    for (let extra = 0; refused.status === 201 && extra <= Math.floor((Date.now() - started) / everyMs); extra++) refused = await upload(server, name('a.txt'), SEED, { token })
    expect(refused.status).toBe(429)
    expect((refused.body as ApiError).error.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试$/)
  })
})

/** A plan without its generated ids, to compare two imports of the same file. */
function strip(plan: PlanJson): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === 'id' ? undefined : value))) as unknown
}

/**
 * A hand-made request to the raw import route: `send` writes (or not) the body, never ending it;
 * resolves with the answer once it arrives, or with status null when the connection is reset
 * first, then drops the connection.
 */
function rawRequest(server: TestServer, headers: Record<string, string>, send: (req: ReturnType<typeof request>, answered: () => boolean) => void): Promise<{ status: number | null; body: ApiError | null }> {
  return new Promise((resolve) => {
    let done = false
    const finish = (answer: { status: number | null; body: ApiError | null }): void => {
      if (done) return
      done = true
      req.destroy()
      resolve(answer)
    }
    const req = request(`${server.url}/api/documents/import?${name('big.txt')}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.admin.token}`, 'Content-Type': 'application/octet-stream', ...headers },
    })
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => finish({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiError }))
      res.on('error', () => finish({ status: res.statusCode ?? 0, body: null }))
    })
    req.on('error', () => finish({ status: null, body: null }))
    req.flushHeaders()
    send(req, () => done)
  })
}

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentInfo, LoginResponse } from '../../shared/api/types.ts'
import { connectClient, type TestClient } from '../utils/collabClient.ts'
import { planOf, textIn, textOf } from '../utils/planText.ts'
import { seededRandom } from '../utils/seededRandom.ts'
import { killServerProcesses, startServerProcess, type ServerProcess } from '../utils/serverProcess.ts'
import { TEST_PASSWORD } from '../utils/testServer.ts'
import { waitFor, waitForDoc } from '../utils/waitFor.ts'

const ROUNDS = Number(process.env.SIGKILL_ROUNDS ?? 12)
// When each round's kill comes; replay a failure with TEST_SEED=<the seed in the test's name>.
const random = seededRandom()
const dirs: string[] = []
afterAll(() => {
  killServerProcesses()
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }))
})

async function api<T>(server: ServerProcess, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

/**
 * Edits continuously, at most `window` edits ahead of what the observer has received (a flood
 * would only measure how far behind the server falls): unique marks 〔round-n〕 over five items.
 */
function keepEditing(client: TestClient, observer: TestClient, round: number, window = 20): { stop(): void; count(): number; received(): number } {
  let n = 0
  let received = 0
  let running = true
  const tick = (): void => {
    if (!running || n - received >= window) return
    textIn(client.doc, 'itemTitle', n % 5).insert(0, `〔${round}-${n}〕`)
    n++
    setImmediate(tick)
  }
  observer.doc.on('update', () => {
    received++
    if (n - received === window - 1) setImmediate(tick)
  })
  tick()
  return { stop: () => (running = false), count: () => n, received: () => received }
}

function marks(doc: Y.Doc): Set<string> {
  const text = [0, 1, 2, 3, 4].map((i) => textOf(doc, 'itemTitle', i)).join('')
  return new Set(text.match(/〔[^〕]+〕/g) ?? [])
}

describe('the server process', () => {
  it(`loses no stored update when killed with SIGKILL at random moments (${ROUNDS} rounds, TEST_SEED=${random.seed}) and always reopens the document`, { timeout: 600_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-kill-'))
    dirs.push(dataDir)
    let server = await startServerProcess({ dataDir })
    await waitFor(() => server.output.some((l) => l.includes('首次启动')))
    const { token } = (await api<LoginResponse>(server, 'POST', '/api/login', undefined, { name: 'admin', password: TEST_PASSWORD })).body
    const doc = (await api<{ document: DocumentInfo }>(server, 'POST', '/api/documents', token, { template: 'district-annual' })).body.document
    // What an observer had received when the server died: the server stores before it broadcasts, so all of it was stored.
    let seen: Y.Doc | null = null
    let seenMarks = new Set<string>()
    let stored = 0

    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) server = await startServerProcess({ dataDir })
      const fresh = await connectClient(server, doc.id, token)
      expect(() => planOf(fresh.doc)).not.toThrow()
      if (seen) {
        expect(Y.snapshotContainsUpdate(Y.snapshot(fresh.doc), Y.encodeStateAsUpdate(seen))).toBe(true)
        const now = marks(fresh.doc)
        for (const m of seenMarks) expect(now.has(m), `mark ${m} lost in round ${round}`).toBe(true)
        stored += seenMarks.size
      }
      expect((await api(server, 'GET', `/api/documents/${doc.id}/plan`, token)).status).toBe(200)
      fresh.close()

      const writer = await connectClient(server, doc.id, token)
      const observer = await connectClient(server, doc.id, token)
      const editing = keepEditing(writer, observer, round)
      const killAfter = random.int(150)
      await waitFor(() => editing.received() >= killAfter, { timeout: 60_000, message: `observer to receive ${killAfter} edits in round ${round} (TEST_SEED=${random.seed})` })
      const { signal } = await server.kill('SIGKILL')
      editing.stop()
      expect(signal).toBe('SIGKILL')
      seen = observer.doc
      seenMarks = marks(observer.doc)
      writer.close()
      observer.close()
    }
    // The last kill is checked like the others.
    server = await startServerProcess({ dataDir })
    const last = await connectClient(server, doc.id, token)
    for (const m of seenMarks) expect(marks(last.doc).has(m)).toBe(true)
    expect(stored + seenMarks.size).toBeGreaterThan(ROUNDS)
    last.close()
    expect((await server.kill('SIGTERM')).code).toBe(0)
  })

  it('flushes everything and exits 0 on SIGTERM; the clients are told to come back (1012)', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plan-term-'))
    dirs.push(dataDir)
    let server = await startServerProcess({ dataDir })
    const { token } = (await api<LoginResponse>(server, 'POST', '/api/login', undefined, { name: 'admin', password: TEST_PASSWORD })).body
    const doc = (await api<{ document: DocumentInfo }>(server, 'POST', '/api/documents', token, { template: 'district-annual' })).body.document
    const writer = await connectClient(server, doc.id, token)
    const observer = await connectClient(server, doc.id, token)
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    for (let i = 0; i < 200; i++) textIn(writer.doc, 'itemTitle', i % 5).insert(0, `〔t-${i}〕`)
    await waitForDoc(observer.doc, (d) => marks(d).size === 200)
    const { code } = await server.kill('SIGTERM')
    expect(code).toBe(0)
    expect(closes).toContain(1012)
    expect(server.output.some((l) => l.includes('server.stopped'))).toBe(true)
    writer.close()
    observer.close()

    server = await startServerProcess({ dataDir })
    const after = await connectClient(server, doc.id, token)
    expect(marks(after.doc).size).toBe(200)
    // The clean stop compacted the log: 200 keystrokes by one user are a handful of entries.
    const history = await api<unknown[]>(server, 'GET', `/api/documents/${doc.id}/history`, token)
    expect(history.body.length).toBeLessThan(10)
    after.close()
    expect((await server.kill('SIGTERM')).code).toBe(0)
    expect(server.output.join('\n')).not.toContain('〔t-')
  })
})

import { describe, expect, it } from 'vitest'
import { connectClient } from '../utils/collabClient.ts'
import { startTestServer } from '../utils/testServer.ts'
import { waitFor } from '../utils/waitFor.ts'

interface Health {
  ok: boolean
  rssBytes: number
  heapUsedBytes: number
  eventLoopDelayMs: { p50: number; p99: number; max: number }
  rooms: number
  connections: number
}

describe('GET /api/health', () => {
  it('answers without signing in with memory, event-loop delay, open documents and sockets', async () => {
    const server = await startTestServer()
    const before = await server.api<Health>('GET', '/api/health')
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({ ok: true, rooms: 0, connections: 0 })
    expect(before.body.rssBytes).toBeGreaterThan(10 * 1024 * 1024)
    expect(before.body.heapUsedBytes).toBeGreaterThan(0)
    expect(before.body.heapUsedBytes).toBeLessThan(before.body.rssBytes)
    const d = before.body.eventLoopDelayMs
    expect(Number.isFinite(d.max)).toBe(true)
    expect(d.p50).toBeGreaterThanOrEqual(0)
    expect(d.p50).toBeLessThanOrEqual(d.p99)
    expect(d.p99).toBeLessThanOrEqual(d.max)

    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    const during = await server.api<Health>('GET', '/api/health')
    expect(during.body).toMatchObject({ rooms: 1, connections: 2 })
    expect(JSON.stringify(during.body)).not.toContain(doc.id)
    a.close()
    b.close()
  })

  it('shows a stall of the event loop in its delay figures', async () => {
    const server = await startTestServer()
    // Let the monitor take a sample, then block the loop for 300 ms as a runaway request would.
    await server.api('GET', '/api/health')
    const until = Date.now() + 300
    while (Date.now() < until) {
      // busy on purpose
    }
    const after = await server.api<Health>('GET', '/api/health')
    expect(after.body.eventLoopDelayMs.max).toBeGreaterThanOrEqual(250)
  })

  it('logs one process.health line per interval with figures and counts, never document text', async () => {
    const server = await startTestServer({ healthLogMs: 50 })
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    await waitFor(() => server.logs.some((l) => l.includes('process.health') && l.includes('connections=1')))
    const line = server.logs.find((l) => l.includes('process.health') && l.includes('connections=1'))!
    expect(line).toMatch(/rssMB=\d+ heapMB=\d+ loopP50Ms=[\d.]+ loopP99Ms=[\d.]+ loopMaxMs=[\d.]+ rooms=1 connections=1$/)
    a.close()
  })
})

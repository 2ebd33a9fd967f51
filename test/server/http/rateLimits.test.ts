import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../../shared/api/types.ts'
import { DEFAULT_RATES } from '../../../server/http/routeRates.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'

const { account: ACCOUNT, address: ADDRESS } = DEFAULT_RATES['create-document']

/**
 * Requests a slow machine may legitimately pass beyond the burst: one more per refill period that
 * elapsed while the test ran (the limit is a token bucket), so the check holds at any speed.
 */
function refilled(startedAt: number, everyMs: number): number {
  return Math.floor((Date.now() - startedAt) / everyMs)
}

/** Creates `n` documents from the blank template one after another; returns the statuses. */
async function createMany(server: TestServer, token: string, n: number): Promise<Array<{ status: number; body: ApiError }>> {
  const out: Array<{ status: number; body: ApiError }> = []
  for (let i = 0; i < n; i++) out.push(await server.api<ApiError>('POST', '/api/documents', { token, body: { template: 'blank', title: `计划${i}` } }))
  return out
}

describe('rate limits on creating and importing documents', () => {
  it(`lets one account create ${ACCOUNT.burst} documents at once, then answers 429 in Chinese, imports included`, async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('qianshi')
    const started = Date.now()
    const answers = await createMany(server, token, ACCOUNT.burst)
    expect(answers.every((a) => a.status === 201)).toBe(true)
    const base64 = Buffer.from('2025年工作要点\n一、总体要求\n1.做好工作。').toString('base64')
    const importOne = () => server.api<ApiError>('POST', '/api/documents', { token, body: { import: { filename: 'a.txt', base64 } } })
    let refused = await importOne()
    for (let extra = 0; refused.status === 201 && extra <= refilled(started, ACCOUNT.everyMs); extra++) refused = await importOne()
    expect(refused.status).toBe(429)
    expect(refused.body.error).toMatchObject({ code: 'rate-limited' })
    expect(refused.body.error.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试$/)
    // Another account is not held up by this one.
    expect((await server.api('POST', '/api/documents', { token: server.admin.token, body: { template: 'blank' } })).status).toBe(201)
  })

  it(`limits one address to ${ADDRESS.burst} creations at once across accounts`, async () => {
    const server = await startTestServer()
    const accounts = await Promise.all(['a1', 'a2', 'a3'].map((name) => server.createUser(name)))
    const perAccount = Math.ceil((ADDRESS.burst + 1) / accounts.length)
    expect(perAccount).toBeLessThanOrEqual(ACCOUNT.burst)
    const started = Date.now()
    const answers = (await Promise.all(accounts.map(({ token }) => createMany(server, token, perAccount)))).flat()
    const passed = answers.filter((a) => a.status === 201).length
    expect(passed).toBeGreaterThanOrEqual(ADDRESS.burst)
    expect(passed).toBeLessThanOrEqual(ADDRESS.burst + refilled(started, ADDRESS.everyMs))
    expect(answers.filter((a) => a.status === 429).length).toBe(answers.length - passed)
  })

  it('counts parallel creations too: 50 at once from one account, at most the burst pass', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('sunyi')
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => server.api('POST', '/api/documents', { token, body: { template: 'blank', title: `并行${i}` } })))
    const passed = answers.filter((a) => a.status === 201).length
    expect(passed).toBeGreaterThanOrEqual(ACCOUNT.burst)
    expect(passed).toBeLessThanOrEqual(ACCOUNT.burst + refilled(started, ACCOUNT.everyMs))
    expect(answers.filter((a) => a.status === 429).length).toBe(50 - passed)
  })
})

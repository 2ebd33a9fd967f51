import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../../shared/api/types.ts'
import { DEFAULT_PASSWORD_LIMITS } from '../../../server/auth/passwordGuard.ts'
import type { Users } from '../../../server/auth/users.ts'
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../utils/testServer.ts'

/** Counts every password verification the server makes from now on. */
function countVerifications(users: Users): { count: number } {
  const counter = { count: 0 }
  const verify = users.verify.bind(users)
  users.verify = (name, password) => {
    counter.count++
    return verify(name, password)
  }
  return counter
}

/** Sends all requests at once and returns their statuses and bodies. */
async function inParallel(server: TestServer, requests: Array<{ method: string; path: string; token?: string; body: unknown }>) {
  return Promise.all(requests.map((r) => server.api<ApiError>(r.method, r.path, { token: r.token, body: r.body })))
}

const NAME_LIMIT = DEFAULT_PASSWORD_LIMITS.name.maxFailures
const ADDRESS_LIMIT = DEFAULT_PASSWORD_LIMITS.address.maxFailures

describe('password guessing', () => {
  it('checks at most five of 200 parallel wrong guesses at one name; the rest get 429 in Chinese', async () => {
    const server = await startTestServer()
    const verified = countVerifications(server.services.users)
    const guesses = Array.from({ length: 200 }, (_, i) => ({ method: 'POST', path: '/api/login', body: { name: 'admin', password: `guess-${i}-secret` } }))
    const answers = await inParallel(server, guesses)
    expect(verified.count).toBeLessThanOrEqual(NAME_LIMIT)
    expect(answers.filter((a) => a.status === 401).length).toBe(verified.count)
    const refused = answers.filter((a) => a.status === 429)
    expect(refused.length).toBe(200 - verified.count)
    for (const r of refused) expect(r.body.error.message).toMatch(/^(密码错误次数过多|登录尝试).*请 \d+ 秒后再试$/)
    // The right password is refused too while the name is locked.
    expect((await server.api('POST', '/api/login', { body: { name: 'admin', password: TEST_PASSWORD } })).status).toBe(429)
  })

  it('logs each wrong password with the name and the address, never the password', async () => {
    const server = await startTestServer()
    await server.api('POST', '/api/login', { body: { name: 'admin', password: 'not-the-password-x1' } })
    await server.api('POST', '/api/login', { body: { name: '没有这个人', password: 'not-the-password-x2' } })
    const failed = server.logs.filter((l) => l.includes('auth.login.failed'))
    expect(failed).toHaveLength(2)
    expect(failed[0]).toMatch(/name=admin address=127\.0\.0\.1/)
    expect(failed[1]).toContain('没有这个人')
    expect(server.logs.join('\n')).not.toMatch(/not-the-password/)
  })

  it('limits one address guessing many names, also in parallel', async () => {
    const server = await startTestServer()
    const verified = countVerifications(server.services.users)
    const guesses = Array.from({ length: 200 }, (_, i) => ({ method: 'POST', path: '/api/login', body: { name: `user${i}`, password: 'wrong-password-1' } }))
    const answers = await inParallel(server, guesses)
    expect(verified.count).toBeLessThanOrEqual(ADDRESS_LIMIT)
    expect(answers.filter((a) => a.status === 429).length).toBe(200 - verified.count)
    const last = await server.api<ApiError>('POST', '/api/login', { body: { name: 'someone-new', password: 'wrong-password-1' } })
    expect(last.status).toBe(429)
    expect(last.body.error.message).toMatch(/^此网络地址的密码错误次数过多，请 \d+ 秒后再试$/)
  })

  it("limits guessing the old password when changing one's own password", async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('zhaoliu')
    const verified = countVerifications(server.services.users)
    const guesses = Array.from({ length: 100 }, (_, i) => ({ method: 'PUT', path: '/api/me/password', token, body: { oldPassword: `guess-${i}-old`, newPassword: 'brand-new-pass1' } }))
    const answers = await inParallel(server, guesses)
    expect(verified.count).toBeLessThanOrEqual(NAME_LIMIT)
    expect(answers.filter((a) => a.status === 403).length).toBe(verified.count)
    expect(answers.filter((a) => a.status === 429).length).toBe(100 - verified.count)
    expect(server.logs.filter((l) => l.includes('auth.password.failed')).length).toBe(verified.count)
    expect(server.logs.join('\n')).not.toMatch(/guess-\d+-old/)
  })

  it('answers a refused attempt with Retry-After', async () => {
    const server = await startTestServer()
    for (let i = 0; i < NAME_LIMIT; i++) await server.api('POST', '/api/login', { body: { name: 'admin', password: 'wrong-password-1' } })
    const res = await fetch(server.url + '/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: TEST_PASSWORD }) })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

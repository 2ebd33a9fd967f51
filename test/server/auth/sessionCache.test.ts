import { describe, expect, it } from 'vitest'
import type { UserInfo } from '../../../shared/api/types.ts'
import { SESSION_CACHE_MS } from '../../../server/auth/sessions.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { startTestServer } from '../../utils/testServer.ts'

describe('checked sessions kept in memory', () => {
  it('reads a session from the database about once per SESSION_CACHE_MS however many requests it makes', async () => {
    let sessionReads = 0
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          get: (base, collection, key) => {
            if (collection === 'sessions') sessionReads++
            return base.get(collection, key)
          },
        }),
    })
    const { token } = await server.createUser('lina')
    sessionReads = 0
    const t0 = performance.now()
    for (let i = 0; i < 30; i++) expect((await server.api('GET', '/api/me', { token })).status).toBe(200)
    const elapsed = performance.now() - t0

    expect(sessionReads).toBeGreaterThanOrEqual(1)
    expect(sessionReads).toBeLessThanOrEqual(Math.ceil(elapsed / SESSION_CACHE_MS) + 1)
  })

  it('refuses a token at once after its sign-out, although it was just checked', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('lina')
    expect((await server.api('GET', '/api/me', { token })).status).toBe(200)
    expect((await server.api('POST', '/api/logout', { token })).status).toBeLessThan(300)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
  })

  it("shows an admin's change to an account on that account's very next request", async () => {
    const server = await startTestServer()
    const { user, token } = await server.createUser('lina')
    expect((await server.api<UserInfo>('GET', '/api/me', { token })).body.role).toBe('member')
    expect((await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { role: 'admin', displayName: '李娜' } })).status).toBe(200)
    expect((await server.api<UserInfo>('GET', '/api/me', { token })).body).toMatchObject({ role: 'admin', displayName: '李娜' })
    expect((await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { disabled: true } })).status).toBe(200)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
  })

  it('ends the other sessions of an account whose password is reset, although they were just checked', async () => {
    const server = await startTestServer()
    const { user, token } = await server.createUser('lina')
    expect((await server.api('GET', '/api/me', { token })).status).toBe(200)
    expect((await server.api('PUT', `/api/users/${user.id}/password`, { token: server.admin.token, body: { password: 'NewPassw0rd2026' } })).status).toBeLessThan(300)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
  })
})

import { describe, expect, it } from 'vitest'
import type { LoginResponse } from '../../../shared/api/types.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../utils/testServer.ts'

async function signIn(server: TestServer, name: string, password = TEST_PASSWORD): Promise<string> {
  const res = await server.api<LoginResponse>('POST', '/api/login', { body: { name, password } })
  expect(res.status).toBe(200)
  return res.body.token
}

describe('sessions after a password change', () => {
  it("ends the account's other sessions and closes their sockets with 4401 when one changes one's own password", async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token: laptop } = await server.createUser('sunqi')
    await server.share(doc.id, user.id, 'editor')
    const phone = await signIn(server, 'sunqi')
    const other = await connectClient(server, doc.id, phone)

    const changed = await server.api('PUT', '/api/me/password', { token: laptop, body: { oldPassword: TEST_PASSWORD, newPassword: 'brand-new-pass1' } })
    expect(changed.status).toBe(200)
    expect((await other.closed).code).toBe(4401)
    expect((await server.api('GET', '/api/me', { token: phone })).status).toBe(401)
    // The session that made the change goes on.
    expect((await server.api('GET', '/api/me', { token: laptop })).status).toBe(200)
    other.close()
  })

  it('ends every session of the account and closes its sockets when an administrator resets the password', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('zhouba')
    await server.share(doc.id, user.id, 'viewer')
    const second = await signIn(server, 'zhouba')
    const clients = [await connectClient(server, doc.id, token), await connectClient(server, doc.id, second)]

    const reset = await server.api('PUT', `/api/users/${user.id}/password`, { token: server.admin.token, body: { password: 'reset-by-admin-1' } })
    expect(reset.status).toBe(200)
    for (const client of clients) expect((await client.closed).code).toBe(4401)
    for (const t of [token, second]) expect((await server.api('GET', '/api/me', { token: t })).status).toBe(401)
    expect((await server.api('GET', '/api/me', { token: server.admin.token })).status).toBe(200)
    await signIn(server, 'zhouba', 'reset-by-admin-1')
    for (const client of clients) client.close()
  })

  it('leaves sessions alone when the old password is wrong or the new one too short', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('wujiu')
    const other = await signIn(server, 'wujiu')
    expect((await server.api('PUT', '/api/me/password', { token, body: { oldPassword: 'wrong-old-pass', newPassword: 'brand-new-pass1' } })).status).toBe(403)
    expect((await server.api('PUT', '/api/me/password', { token, body: { oldPassword: TEST_PASSWORD, newPassword: 'short' } })).status).toBe(400)
    expect((await server.api('GET', '/api/me', { token: other })).status).toBe(200)
  })

  it('deletes expired sessions now and then, keeping live ones', async () => {
    const server = await startTestServer()
    const admin = (await server.services.users.findByName('admin'))!
    for (let i = 0; i < 3; i++) await server.services.sessions.issue(admin, Date.now() - 1000)
    const before = (await server.services.storage.list('sessions')).length
    expect(await server.services.sessions.purgeExpired()).toBe(3)
    expect((await server.services.storage.list('sessions')).length).toBe(before - 3)
    expect((await server.api('GET', '/api/me', { token: server.admin.token })).status).toBe(200)
  })

  it('ends the sessions in the same write when a password is set directly, as `plan user passwd` does', async () => {
    const server = await startTestServer()
    const { user, token } = await server.createUser('chenshi')
    const ended = await server.services.users.setPassword(user.id, 'set-by-cli-1')
    expect(ended).toHaveLength(1)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
    expect((await server.api('GET', '/api/me', { token: server.admin.token })).status).toBe(200)
  })
})

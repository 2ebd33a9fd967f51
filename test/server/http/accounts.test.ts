import { describe, expect, it } from 'vitest'
import type { AccountInfo } from '../../../shared/api/accounts.ts'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import type { UserInfo } from '../../../shared/api/types.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer, TEST_PASSWORD } from '../../utils/testServer.ts'

type ErrorBody = { error: { code: string; message: string } }

describe('用户管理 (accounts, admins)', () => {
  it('lists accounts with their state and last sign-in, and changes display name, role and 科室', async () => {
    const server = await startTestServer()
    const { user } = await server.createUser('lina')
    const list = await server.api<AccountInfo[]>('GET', '/api/accounts', { token: server.admin.token })
    const lina = list.body.find((a) => a.id === user.id)
    expect(lina).toMatchObject({ name: 'lina', disabled: false, role: 'member' })
    expect(Date.parse(lina?.lastSignInAt ?? '')).toBeGreaterThan(0)

    const changed = await server.api<AccountInfo>('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { displayName: '李娜', department: '基教科', role: 'admin' } })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ displayName: '李娜', department: '基教科', role: 'admin' })
    const users = await server.api<UserInfo[]>('GET', '/api/users', { token: server.admin.token })
    expect(users.body.find((u) => u.id === user.id)).toMatchObject({ displayName: '李娜', department: '基教科' })
  })

  it('disables an account: its open sockets close with 4401, its tokens answer 401 and it cannot sign in until enabled again', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('wangfang')
    await server.share(doc.id, user.id, 'editor')
    const client = await connectClient(server, doc.id, token)
    const off = await server.api<AccountInfo>('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { disabled: true } })
    expect(off.body.disabled).toBe(true)
    expect((await client.closed).code).toBe(CLOSE.unauthenticated)
    expect((await server.api('GET', '/api/me', { token })).status).toBe(401)
    const login = await server.api<ErrorBody>('POST', '/api/login', { body: { name: 'wangfang', password: TEST_PASSWORD } })
    expect(login.status).toBe(403)
    expect(login.body.error.message).toContain('已停用')
    await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { disabled: false } })
    expect((await server.api('POST', '/api/login', { body: { name: 'wangfang', password: TEST_PASSWORD } })).status).toBe(200)
    client.close()
  })

  it('protects the last admin from being disabled or demoted', async () => {
    const server = await startTestServer()
    const admin = server.admin.user.id
    for (const body of [{ disabled: true }, { role: 'member' }]) {
      const res = await server.api<ErrorBody>('PATCH', `/api/accounts/${admin}`, { token: server.admin.token, body })
      expect(res.status).toBe(409)
      expect(res.body.error.message).toContain('最后一位管理员')
    }
    const { user, token: second } = await server.createUser('second', { role: 'admin' })
    expect((await server.api('PATCH', `/api/accounts/${admin}`, { token: server.admin.token, body: { role: 'member' } })).status).toBe(200)
    // Now the second admin is the last one, and the first may no longer manage accounts.
    expect((await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { disabled: true } })).status).toBe(403)
    const last = await server.api<ErrorBody>('PATCH', `/api/accounts/${user.id}`, { token: second, body: { disabled: true } })
    expect(last.status).toBe(409)
  })

  it('checks roles (member 403, signed out 401) and answers bad bodies with 400 in Chinese', async () => {
    const server = await startTestServer()
    const { user, token } = await server.createUser('member1')
    expect((await server.api('GET', '/api/accounts', { token })).status).toBe(403)
    expect((await server.api('PATCH', `/api/accounts/${user.id}`, { token, body: { displayName: 'x' } })).status).toBe(403)
    expect((await server.api('PUT', '/api/departments', { token, body: { departments: ['a'] } })).status).toBe(403)
    expect((await server.api('GET', '/api/accounts')).status).toBe(401)
    expect((await server.api('PATCH', '/api/accounts/nobody', { token: server.admin.token, body: { displayName: 'x' } })).status).toBe(404)
    for (const body of [{ displayName: '  ' }, { role: 'owner' }, { disabled: 'yes' }, { department: '不存在的科' }, [], { displayName: 3 }]) {
      const res = await server.api<ErrorBody>('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('keeps the bureau’s 科室 list: everyone reads it, admins replace it, bad lists get 400', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('member2')
    expect((await server.api<string[]>('GET', '/api/departments', { token })).body).toEqual(['办公室', '基教科', '德育科', '人事科', '计财科'])
    const set = await server.api<string[]>('PUT', '/api/departments', { token: server.admin.token, body: { departments: [' 办公室 ', '督导室'] } })
    expect(set.body).toEqual(['办公室', '督导室'])
    expect((await server.api<string[]>('GET', '/api/departments', { token })).body).toEqual(['办公室', '督导室'])
    for (const departments of [['甲', '甲'], [''], 'x', ['长'.repeat(21)], [3]]) {
      const res = await server.api<ErrorBody>('PUT', '/api/departments', { token: server.admin.token, body: { departments } })
      expect(res.status, JSON.stringify(departments)).toBe(400)
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

import { describe, expect, it } from 'vitest'
import type { ApiError, LoginResponse, UserInfo } from '../../../shared/api/types.ts'
import { startTestServer, TEST_PASSWORD } from '../../utils/testServer.ts'

describe('accounts and sign-in over HTTP', () => {
  it('signs in with name and password and answers /api/me with the user', async () => {
    const server = await startTestServer()
    const login = await server.api<LoginResponse>('POST', '/api/login', { body: { name: 'admin', password: TEST_PASSWORD } })
    expect(login.status).toBe(200)
    expect(login.body.user).toMatchObject({ name: 'admin', role: 'admin' })
    expect(Date.parse(login.body.expiresAt)).toBeGreaterThan(Date.now())
    const me = await server.api<UserInfo>('GET', '/api/me', { token: login.body.token })
    expect(me.body.id).toBe(login.body.user.id)
    expect(JSON.stringify(me.body)).not.toContain('scrypt')
  })

  it('refuses a wrong password with a Chinese message and locks the name after five failures', async () => {
    const server = await startTestServer()
    for (let i = 0; i < 5; i++) {
      const res = await server.api<ApiError>('POST', '/api/login', { body: { name: 'admin', password: 'wrong-password' } })
      expect(res.status).toBe(401)
      expect(res.body.error.message).toBe('用户名或密码不正确')
    }
    const locked = await server.api<ApiError>('POST', '/api/login', { body: { name: 'admin', password: TEST_PASSWORD } })
    expect(locked.status).toBe(429)
    expect(locked.body.error.message).toMatch(/秒后再试/)
    const unknown = await server.api<ApiError>('POST', '/api/login', { body: { name: 'nobody', password: 'whatever-1' } })
    expect(unknown.status).toBe(401)
  })

  it('answers every API call without a token with 401 and a JSON error', async () => {
    const server = await startTestServer()
    for (const [method, path] of [
      ['GET', '/api/me'],
      ['GET', '/api/documents'],
      ['POST', '/api/documents'],
      ['GET', '/api/users'],
      ['GET', '/api/templates'],
    ] as const) {
      const res = await server.api<ApiError>(method, path)
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(res.body.error.code).toBe('unauthenticated')
    }
    expect((await server.api('GET', '/api/me', { token: 'v1.bogus.sig' })).status).toBe(401)
  })

  it('lets only administrators create accounts, with unique names and long enough passwords', async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('zhangsan')
    const denied = await server.api<ApiError>('POST', '/api/users', { token, body: { name: 'x1', password: 'long-enough-1', role: 'member' } })
    expect(denied.status).toBe(403)
    const taken = await server.api<ApiError>('POST', '/api/users', { token: server.admin.token, body: { name: 'zhangsan', password: 'long-enough-1', role: 'member' } })
    expect(taken.status).toBe(409)
    expect(taken.body.error.message).toContain('已被使用')
    const weak = await server.api<ApiError>('POST', '/api/users', { token: server.admin.token, body: { name: 'lisi', password: '123', role: 'member' } })
    expect(weak.status).toBe(400)
    expect(weak.body.error.message).toContain('至少需要 8 个字符')
    // The rules the 修改密码 dialog states hold on the server too: letters and digits, not the account name.
    for (const [password, sentence] of [
      ['lettersonly', '密码需要同时包含字母和数字'],
      ['1234567890', '密码需要同时包含字母和数字'],
    ] as const) {
      const res = await server.api<ApiError>('POST', '/api/users', { token: server.admin.token, body: { name: `u${password}`, password, role: 'member' } })
      expect([res.status, res.body.error.message]).toEqual([400, sentence])
    }
    const sameAsName = await server.api<ApiError>('POST', '/api/users', { token: server.admin.token, body: { name: 'zhao2024x', password: 'zhao2024x', role: 'member' } })
    expect([sameAsName.status, sameAsName.body.error.message]).toEqual([400, '密码不能与用户名相同'])
    const badRole = await server.api<ApiError>('POST', '/api/users', { token: server.admin.token, body: { name: 'lisi', password: 'long-enough-1', role: 'root' } })
    expect(badRole.status).toBe(400)
    const chinese = await server.api<UserInfo>('POST', '/api/users', { token: server.admin.token, body: { name: '李四', password: 'long-enough-1', role: 'member', displayName: '李四（教研室）' } })
    expect(chinese.status).toBe(201)
    expect(chinese.body.displayName).toBe('李四（教研室）')
    const list = await server.api<UserInfo[]>('GET', '/api/users', { token })
    expect(list.body.map((u) => u.name).sort()).toEqual(['admin', 'zhangsan', '李四'].sort())
  })

  it("changes one's own password only with the old one", async () => {
    const server = await startTestServer()
    const { token } = await server.createUser('wangwu')
    expect((await server.api('PUT', '/api/me/password', { token, body: { oldPassword: 'wrong-one-1', newPassword: 'brand-new-pass1' } })).status).toBe(403)
    expect((await server.api('PUT', '/api/me/password', { token, body: { oldPassword: TEST_PASSWORD, newPassword: 'brand-new-pass1' } })).status).toBe(200)
    expect((await server.api('POST', '/api/login', { body: { name: 'wangwu', password: TEST_PASSWORD } })).status).toBe(401)
    expect((await server.api('POST', '/api/login', { body: { name: 'wangwu', password: 'brand-new-pass1' } })).status).toBe(200)
  })

  it('answers malformed requests with 400 and unknown paths with 404, in JSON', async () => {
    const server = await startTestServer()
    const res = await fetch(server.url + '/api/login', { method: 'POST', body: '{not json', headers: { 'Content-Type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as ApiError).error.message).toBe('请求内容不是有效的 JSON')
    const missing = await server.api<ApiError>('GET', '/api/nothing-here', { token: server.admin.token })
    expect(missing.status).toBe(404)
    const wrongMethod = await server.api<ApiError>('DELETE', '/api/me', { token: server.admin.token })
    expect(wrongMethod.status).toBe(405)
  })
})

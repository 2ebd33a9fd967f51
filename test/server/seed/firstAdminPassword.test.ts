import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LoginResponse, UserInfo } from '../../../shared/api/types.ts'
import { createLog } from '../../../server/log.ts'
import { startServer } from '../../../server/startServer.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function boot(adminPassword?: string): Promise<{ url: string; password: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-first-admin-'))
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', log: createLog(() => undefined), seed: false, adminPassword })
  cleanups.push(async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return { url: server.url, password: server.firstRun?.adminPassword ?? '' }
}

async function call<T>(url: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

describe('the first-start admin and the printed password', () => {
  it('asks the admin whose password was printed to change it, and stops asking once changed', async () => {
    const { url, password } = await boot()
    expect(password.length).toBeGreaterThanOrEqual(8)
    const login = await call<LoginResponse>(url, 'POST', '/api/login', { name: 'admin', password })
    expect(login.body.user.mustChangePassword).toBe(true)
    const changed = await call(url, 'PUT', '/api/me/password', { oldPassword: password, newPassword: 'new-admin-pass-1' }, login.body.token)
    expect(changed.status).toBe(200)
    const me = await call<UserInfo>(url, 'GET', '/api/me', undefined, login.body.token)
    expect(me.body.mustChangePassword).toBeUndefined()
  })

  it('does not ask when the operator chose the password (PLAN_ADMIN_PASSWORD)', async () => {
    const { url } = await boot('chosen-pass-1')
    const login = await call<LoginResponse>(url, 'POST', '/api/login', { name: 'admin', password: 'chosen-pass-1' })
    expect(login.body.user.mustChangePassword).toBeUndefined()
  })
})

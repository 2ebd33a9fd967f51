import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiFailure } from '../../../client/api/ApiFailure.ts'
import { NETWORK_MESSAGE } from '../../../client/api/apiRequest.ts'
import { authorizedFetch } from '../../../client/api/authorizedFetch.ts'
import { getSession, setSession } from '../../../client/api/session.ts'
import type { LoginResponse } from '../../../shared/api/types.ts'

const session: LoginResponse = { token: 't-123', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', name: 'zhang', displayName: '张伟', role: 'member', color: '#c0392b' } }

afterEach(() => {
  vi.unstubAllGlobals()
  setSession(null)
})

describe('authorizedFetch', () => {
  it("sends the session's token and returns a successful response", async () => {
    setSession(session)
    const seen: Array<string | null> = []
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('Authorization'))
      return new Response('文件', { status: 200, headers: { 'content-disposition': 'attachment' } })
    })
    const res = await authorizedFetch('/api/x')
    expect(await res.text()).toBe('文件')
    expect(seen).toEqual(['Bearer t-123'])
  })

  it('turns an unreachable server into a plain Chinese sentence', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    const failure = await authorizedFetch('/api/x').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiFailure)
    expect([(failure as ApiFailure).status, (failure as ApiFailure).message]).toEqual([0, NETWORK_MESSAGE])
  })

  it("ends the session on 401 and passes on the server's sentence", async () => {
    setSession(session)
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: '登录已过期，请重新登录' } }), { status: 401 }))
    const failure = await authorizedFetch('/api/x').catch((e: unknown) => e)
    expect((failure as ApiFailure).message).toBe('登录已过期，请重新登录')
    expect(getSession()).toBeNull()
  })
})

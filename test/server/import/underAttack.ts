import { readFileSync } from 'node:fs'
import type { ApiError, LoginResponse, UserInfo } from '../../../shared/api/types.ts'
import { TEST_PASSWORD } from '../../utils/testPassword.ts'

/** What happened to everyone else while an attack ran. */
export interface AttackReport<R> {
  /** The attack's own answers. */
  results: R[]
  /** Slowest answer to GET /api/me sent by another user while the attack ran, in ms. */
  slowestOtherMs: number
  /** GET /api/me requests answered during the attack (at least one). */
  otherRequests: number
  /** Peak resident set size of the server process since it started (VmHWM), in MB. */
  rssPeakMb: number
}

/** The JSON API of a server at `url`; never throws on HTTP errors. */
export function apiOf(url: string) {
  return async <T = ApiError>(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T }
  }
}

/** Creates a member account on a server (as its admin) and signs it in; returns its token. */
export async function newMember(url: string, adminToken: string, name: string): Promise<string> {
  const api = apiOf(url)
  const made = await api<UserInfo>('POST', '/api/users', { token: adminToken, body: { name, password: TEST_PASSWORD, role: 'member' } })
  if (made.status !== 201) throw new Error(`create user ${name}: ${made.status}`)
  return (await signIn(url, name)).token
}

/** Signs in with the test password. */
export async function signIn(url: string, name: string): Promise<LoginResponse> {
  const res = await apiOf(url)<LoginResponse>('POST', '/api/login', { body: { name, password: TEST_PASSWORD } })
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status}`)
  return res.body
}

/** Peak resident set size of a process since it started, in MB (Linux /proc; the project runs on Debian). */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!m) throw new Error(`no VmHWM for process ${pid}`)
  return Number(m[1]) / 1024
}

/**
 * Runs `copies` of an attack at once against the server process `pid` and, until all have
 * answered, keeps another user asking the server who they are, timing each answer; then reads the
 * server's peak RSS.
 */
export async function underAttack<R>(url: string, pid: number, otherToken: string, attack: () => Promise<R>, copies = 3): Promise<AttackReport<R>> {
  const api = apiOf(url)
  let finished = false
  const attacks = Promise.all(Array.from({ length: copies }, attack)).finally(() => (finished = true))
  let slowest = 0
  let count = 0
  do {
    const t0 = performance.now()
    const me = await api('GET', '/api/me', { token: otherToken })
    if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status} during the attack`)
    slowest = Math.max(slowest, performance.now() - t0)
    count++
  } while (!finished)
  const results = await attacks
  return { results, slowestOtherMs: slowest, otherRequests: count, rssPeakMb: peakRssMb(pid) }
}

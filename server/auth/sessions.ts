import { randomBytes } from 'node:crypto'
import { AppError } from '../AppError.ts'
import type { Storage } from '../storage/Storage.ts'
import { PasswordGuard, type PasswordLimits } from './passwordGuard.ts'
import { readToken, signToken } from './tokens.ts'
import type { UserRecord, Users } from './users.ts'

/** A stored sign-in; deleting it revokes every token that names it. */
export interface SessionRecord {
  id: string
  userId: string
  createdAt: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

/** A request or socket whose token checked out. */
export interface Authenticated {
  user: UserRecord
  session: SessionRecord
}

/** How long a sign-in lasts by default: a working week. */
export const DEFAULT_TOKEN_TTL_MS = 7 * 24 * 3600 * 1000

/** Every this many sign-ins, expired sessions are deleted. */
const PURGE_EVERY = 100

/**
 * How long a checked session and its account are answered from memory. Every request and socket
 * is authenticated; two database reads each (session, account) were the main cost of a client
 * that hammers the server with refused requests (the soak bench's attacker). Sign-outs, password
 * changes and disabling end a session here at once (and on every process of a cluster, through
 * forget()); what else changes on an account (role, name, 科室) is seen within this time even when
 * another process made the change.
 */
export const SESSION_CACHE_MS = 1000

/** Most sessions held in memory; the oldest go first. */
const SESSION_CACHE_SIZE = 10_000

/** Options of Sessions beyond its storage. */
export interface SessionOptions {
  /** @default DEFAULT_PASSWORD_LIMITS */
  passwordLimits?: PasswordLimits
}

/** Sign-in, token checks, password changes and sign-out. */
export class Sessions {
  private readonly guard: PasswordGuard
  private issued = 0
  private readonly revokeListeners = new Set<(sessionId: string) => void>()
  /** Recently checked sessions by id, with their account and until when they may be reused. */
  private readonly checked = new Map<string, Authenticated & { until: number }>()
  /** Counts sign-outs and account changes, so that a read that overlapped one is not kept. */
  private forgotten = 0

  constructor(
    private readonly storage: Storage,
    private readonly users: Users,
    private readonly secret: Buffer,
    private readonly ttlMs = DEFAULT_TOKEN_TTL_MS,
    options: SessionOptions = {},
  ) {
    this.guard = new PasswordGuard(options.passwordLimits)
  }

  /** Signs a user in by name and password from `address`; throws AppError 400, 401 or 429. */
  async login(name: string, password: string, address = 'unknown'): Promise<{ token: string; session: SessionRecord; user: UserRecord }> {
    const key = typeof name === 'string' ? name.trim().normalize('NFC') : ''
    if (!key || typeof password !== 'string') throw new AppError('bad-login', '请输入用户名和密码', 400)
    const user = await this.guard.attempt(key, address, () => this.users.verify(key, password))
    if (!user) throw new AppError('bad-login', '用户名或密码不正确', 401)
    if (user.disabled) throw new AppError('account-disabled', '此账号已停用，请联系管理员', 403)
    return { ...(await this.issue(user)), user }
  }

  /**
   * Changes the signed-in user's own password after checking the old one (guessing it is limited
   * like signing in), then signs out every other session of the account; AppError 403/429/400.
   */
  async changePassword(auth: Authenticated, oldPassword: string, newPassword: string, address = 'unknown'): Promise<void> {
    const user = await this.guard.attempt(auth.user.name, address, () => this.users.verify(auth.user.name, oldPassword))
    if (!user || user.id !== auth.user.id) throw new AppError('bad-login', '原密码不正确', 403)
    this.notifyAll(await this.users.setPassword(user.id, newPassword, auth.session.id))
    this.forgetUser(user.id)
  }

  /** An administrator's reset of an account's password: every session of that account ends (but the caller's own). */
  async resetPassword(userId: string, password: string, by: Authenticated): Promise<void> {
    this.notifyAll(await this.users.setPassword(userId, password, by.session.id))
    this.forgetUser(userId)
  }

  /** Deletes every expired session; returns how many. */
  async purgeExpired(now = Date.now()): Promise<number> {
    const expired = (await this.storage.list<SessionRecord>('sessions')).filter(({ value }) => value.expiresAt <= now)
    if (expired.length) await this.storage.write(expired.map(({ key }) => ({ type: 'del' as const, collection: 'sessions' as const, key })))
    return expired.length
  }

  /** A new session and its token; `expiresAt` overrides the default lifetime (tests use a past time). */
  async issue(user: UserRecord, expiresAt = Date.now() + this.ttlMs): Promise<{ token: string; session: SessionRecord }> {
    const session: SessionRecord = { id: randomBytes(16).toString('base64url'), userId: user.id, createdAt: new Date().toISOString(), expiresAt }
    await this.storage.write([{ type: 'put', collection: 'sessions', key: session.id, value: session }])
    // Now and then drop expired sessions, so that the table does not grow with every sign-in for ever.
    if (++this.issued % PURGE_EVERY === 0) await this.purgeExpired()
    return { token: signToken({ sid: session.id, uid: user.id, exp: expiresAt }, this.secret), session }
  }

  /** The user and session of a valid, unexpired, not signed-out token; null otherwise. */
  async authenticate(token: string | null | undefined): Promise<Authenticated | null> {
    if (!token) return null
    const claims = readToken(token, this.secret)
    const now = Date.now()
    if (!claims || claims.exp <= now) return null
    const known = this.checked.get(claims.sid)
    if (known && known.until > now) {
      return known.session.userId === claims.uid && known.session.expiresAt > now ? { user: known.user, session: known.session } : null
    }
    const forgotten = this.forgotten
    const session = await this.storage.get<SessionRecord>('sessions', claims.sid)
    if (!session || session.userId !== claims.uid || session.expiresAt <= Date.now()) return null
    const user = await this.users.get(session.userId)
    // A disabled account's tokens stop working at once (its sessions are also deleted when it is disabled).
    if (!user || user.disabled) return null
    if (forgotten === this.forgotten) this.remember(session, user)
    return { user, session }
  }

  /** Keeps a checked session for SESSION_CACHE_MS. */
  private remember(session: SessionRecord, user: UserRecord): void {
    if (this.checked.size >= SESSION_CACHE_SIZE) this.checked.delete(this.checked.keys().next().value as string)
    this.checked.delete(session.id)
    this.checked.set(session.id, { session, user, until: Date.now() + SESSION_CACHE_MS })
  }

  /** Drops a session from memory: it was signed out (here or on another process of a cluster). */
  forget(sessionId: string): void {
    this.forgotten++
    this.checked.delete(sessionId)
  }

  /** Drops every session of an account from memory, so that a change to the account is seen by the next request. */
  forgetUser(userId: string): void {
    this.forgotten++
    for (const [id, entry] of this.checked) if (entry.user.id === userId) this.checked.delete(id)
  }

  /** Signs a session out: its tokens stop working at once, open sockets included. */
  async logout(sessionId: string): Promise<void> {
    await this.storage.write([{ type: 'del', collection: 'sessions', key: sessionId }])
    this.notifyRevoked(sessionId)
  }

  private notifyRevoked(sessionId: string): void {
    this.forget(sessionId)
    for (const listener of this.revokeListeners) listener(sessionId)
  }

  private notifyAll(sessionIds: string[]): void {
    for (const sessionId of sessionIds) this.notifyRevoked(sessionId)
  }

  /** Calls `listener` with the id of every session signed out. */
  onRevoke(listener: (sessionId: string) => void): () => void {
    this.revokeListeners.add(listener)
    return () => this.revokeListeners.delete(listener)
  }
}

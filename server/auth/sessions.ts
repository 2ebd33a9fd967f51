import { randomBytes } from 'node:crypto'
import { AppError } from '../AppError.ts'
import type { Storage } from '../storage/Storage.ts'
import { LoginLimiter } from './loginLimiter.ts'
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

/** Sign-in, token checks and sign-out. */
export class Sessions {
  private readonly limiter = new LoginLimiter()
  private readonly revokeListeners = new Set<(sessionId: string) => void>()

  constructor(
    private readonly storage: Storage,
    private readonly users: Users,
    private readonly secret: Buffer,
    private readonly ttlMs = DEFAULT_TOKEN_TTL_MS,
  ) {}

  /** Signs a user in by name and password; throws AppError 401 or 429. */
  async login(name: string, password: string): Promise<{ token: string; session: SessionRecord; user: UserRecord }> {
    const key = typeof name === 'string' ? name.trim().normalize('NFC') : ''
    if (!key || typeof password !== 'string') throw new AppError('bad-login', '请输入用户名和密码', 400)
    const wait = this.limiter.waitFor(key)
    if (wait > 0) throw new AppError('too-many-attempts', `密码错误次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试`, 429)
    const user = await this.users.verify(key, password)
    if (!user) {
      this.limiter.fail(key)
      throw new AppError('bad-login', '用户名或密码不正确', 401)
    }
    this.limiter.succeed(key)
    return { ...(await this.issue(user)), user }
  }

  /** A new session and its token; `expiresAt` overrides the default lifetime (tests use a past time). */
  async issue(user: UserRecord, expiresAt = Date.now() + this.ttlMs): Promise<{ token: string; session: SessionRecord }> {
    const session: SessionRecord = { id: randomBytes(16).toString('base64url'), userId: user.id, createdAt: new Date().toISOString(), expiresAt }
    await this.storage.write([{ type: 'put', collection: 'sessions', key: session.id, value: session }])
    return { token: signToken({ sid: session.id, uid: user.id, exp: expiresAt }, this.secret), session }
  }

  /** The user and session of a valid, unexpired, not signed-out token; null otherwise. */
  async authenticate(token: string | null | undefined): Promise<Authenticated | null> {
    if (!token) return null
    const claims = readToken(token, this.secret)
    if (!claims || claims.exp <= Date.now()) return null
    const session = await this.storage.get<SessionRecord>('sessions', claims.sid)
    if (!session || session.userId !== claims.uid || session.expiresAt <= Date.now()) return null
    const user = await this.users.get(session.userId)
    return user ? { user, session } : null
  }

  /** Signs a session out: its tokens stop working at once, open sockets included. */
  async logout(sessionId: string): Promise<void> {
    await this.storage.write([{ type: 'del', collection: 'sessions', key: sessionId }])
    for (const listener of this.revokeListeners) listener(sessionId)
  }

  /** Calls `listener` with the id of every session signed out. */
  onRevoke(listener: (sessionId: string) => void): () => void {
    this.revokeListeners.add(listener)
    return () => this.revokeListeners.delete(listener)
  }
}

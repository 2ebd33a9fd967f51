import { passwordRuleProblem } from '../../shared/api/accounts.ts'
import type { GlobalRole, UserInfo } from '../../shared/api/types.ts'
import { newId } from '../../shared/plan/ids.ts'
import { AppError } from '../AppError.ts'
import type { Storage, WriteOp } from '../storage/Storage.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import type { SessionRecord } from './sessions.ts'

/** A stored account. */
export interface UserRecord {
  id: string
  name: string
  displayName: string
  role: GlobalRole
  color: string
  passwordHash: string
  createdAt: string
  /** A disabled account cannot sign in and its tokens stop working (server/accounts). */
  disabled?: boolean
  /** 科室 (server/accounts/departments.ts). */
  department?: string
  /** Set on the first-start admin whose password was printed; cleared by any new password. */
  mustChangePassword?: boolean
}

/** What is needed to create an account. */
export interface NewUser {
  name: string
  password: string
  role: GlobalRole
  displayName?: string
}

/**
 * Account colours, given in turn (distinct for a bureau's first dozen accounts): carets and avatars
 * with white text, and the same person's 修订 as underlined or struck text on white paper — so each
 * is dark enough for both (contrast ≥ 4.5:1 against white).
 */
const COLORS = ['#1d4ed8', '#b91c1c', '#15803d', '#7e22ce', '#c2410c', '#0e7490', '#854d0e', '#be185d', '#4338ca', '#047857', '#9a3412', '#475569']

/** Smallest password length accepted. */
export const MIN_PASSWORD = 8

/** Accounts: creation, lookup, passwords. Names are unique and compared after Unicode normalisation. */
export class Users {
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly storage: Storage) {}

  /** Creates an account; throws AppError for a taken or invalid name or a short password. */
  create(input: NewUser): Promise<UserRecord> {
    // One creation at a time, so that two requests cannot both take the same name.
    const run = this.chain.then(async () => {
      const { record, ops } = await this.prepare(input)
      await this.storage.write(ops)
      return record
    })
    this.chain = run.catch(() => undefined)
    return run
  }

  /** The record and the write operations of a new account, for callers that write it in a larger batch. */
  async prepare(input: NewUser): Promise<{ record: UserRecord; ops: WriteOp[] }> {
    const name = checkName(input.name)
    checkPassword(input.password, name)
    if (input.role !== 'admin' && input.role !== 'member') throw new AppError('bad-role', '角色只能是 admin（管理员）或 member（成员）')
    if (await this.storage.get<string>('userNames', name)) throw new AppError('name-taken', `用户名“${name}”已被使用`, 409)
    const count = (await this.storage.list('users')).length
    const record: UserRecord = {
      id: newId('u'),
      name,
      displayName: input.displayName?.trim() || name,
      role: input.role,
      color: COLORS[count % COLORS.length],
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
    }
    return {
      record,
      ops: [
        { type: 'put', collection: 'users', key: record.id, value: record },
        { type: 'put', collection: 'userNames', key: name, value: record.id },
      ],
    }
  }

  /** An account by id. */
  get(id: string): Promise<UserRecord | undefined> {
    return this.storage.get<UserRecord>('users', id)
  }

  /** An account by name. */
  async findByName(name: string): Promise<UserRecord | undefined> {
    const id = await this.storage.get<string>('userNames', name.trim().normalize('NFC'))
    return id ? this.get(id) : undefined
  }

  /** Every account, by name. */
  async list(): Promise<UserRecord[]> {
    const all = await this.storage.list<UserRecord>('users')
    return all.map((r) => r.value).sort((a, b) => a.name.localeCompare(b.name, 'zh'))
  }

  /** The account when name and password match, else undefined. */
  async verify(name: string, password: string): Promise<UserRecord | undefined> {
    const user = await this.findByName(name)
    if (!user) {
      // Spend the same time as for a real account so that timing does not reveal which names exist.
      await hashPassword(password)
      return undefined
    }
    return (await verifyPassword(password, user.passwordHash)) ? user : undefined
  }

  /**
   * Sets a new password and, in the same write, deletes every session of the account but `keep`
   * (so the CLI's reset signs the account out too). Returns the ids of the sessions deleted.
   */
  async setPassword(id: string, password: string, keep?: string): Promise<string[]> {
    const user = await this.get(id)
    if (!user) throw new AppError('no-user', '用户不存在', 404)
    checkPassword(password, user.name)
    const passwordHash = await hashPassword(password)
    const ended = (await this.storage.list<SessionRecord>('sessions')).filter(({ value }) => value.userId === id && value.id !== keep).map(({ key }) => key)
    const next: UserRecord = { ...user, passwordHash }
    delete next.mustChangePassword
    await this.storage.write([{ type: 'put', collection: 'users', key: id, value: next }, ...ended.map((key) => ({ type: 'del' as const, collection: 'sessions' as const, key }))])
    return ended
  }
}

/** The public view of an account (no password hash). */
export function toUserInfo(user: UserRecord): UserInfo {
  return {
    id: user.id,
    name: user.name,
    displayName: user.displayName,
    role: user.role,
    color: user.color,
    ...(user.department ? { department: user.department } : {}),
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  }
}

function checkName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim().normalize('NFC') : ''
  if (!name) throw new AppError('bad-name', '用户名不能为空')
  if (name.length > 32) throw new AppError('bad-name', '用户名最多 32 个字符')
  if (/[\s\p{C}]/u.test(name)) throw new AppError('bad-name', '用户名不能包含空格或控制字符')
  return name
}

/** The rules the browser states and checks (shared/api/accounts.ts), checked again here for every other client. */
function checkPassword(password: unknown, name: string): void {
  if (typeof password !== 'string') throw new AppError('weak-password', `密码至少需要 ${MIN_PASSWORD} 个字符`)
  const problem = passwordRuleProblem(password, name)
  if (problem) throw new AppError('weak-password', problem)
}

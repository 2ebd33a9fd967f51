import type { AccountInfo, UpdateAccountRequest } from '../../shared/api/accounts.ts'
import { AppError } from '../AppError.ts'
import type { SessionRecord, Sessions } from '../auth/sessions.ts'
import { toUserInfo, type UserRecord, type Users } from '../auth/users.ts'
import type { Storage } from '../storage/Storage.ts'
import { departments } from './departments.ts'

/** The services account management uses. */
export interface AccountServices {
  storage: Storage
  users: Users
  sessions: Sessions
}

/** Remembers a successful sign-in (for the 用户管理 list). */
export async function recordSignIn(storage: Storage, userId: string): Promise<void> {
  await storage.write([{ type: 'put', collection: 'signIns', key: userId, value: new Date().toISOString() }])
}

/** Every account with its state and last sign-in, by name. */
export async function listAccounts(services: AccountServices): Promise<AccountInfo[]> {
  const signIns = new Map((await services.storage.list<string>('signIns')).map((r) => [r.key, r.value]))
  return (await services.users.list()).map((u) => accountInfo(u, signIns.get(u.id)))
}

/**
 * Changes an account (admins, checked by the caller): display name, role, 科室, disabled. The last
 * active admin can be neither demoted nor disabled; a disabled account's sessions end at once, so
 * its open sockets close with 4401. Its history stays attributed (the record is kept).
 */
export async function updateAccount(services: AccountServices, userId: string, patch: UpdateAccountRequest): Promise<AccountInfo> {
  const user = await services.users.get(userId)
  if (!user) throw new AppError('no-user', '用户不存在', 404)
  const next: UserRecord = { ...user }
  if (patch.displayName !== undefined) {
    const name = patch.displayName.replace(/\s+/g, ' ').trim()
    if (!name) throw new AppError('bad-name', '显示名称不能为空')
    if (name.length > 32) throw new AppError('bad-name', '显示名称最多 32 个字符')
    next.displayName = name
  }
  if (patch.role !== undefined) next.role = patch.role
  if (patch.disabled !== undefined) next.disabled = patch.disabled
  if (!next.disabled) delete next.disabled
  if (patch.department === null) delete next.department
  else if (patch.department !== undefined) {
    if (!(await departments(services.storage)).includes(patch.department)) throw new AppError('bad-department', `科室“${patch.department}”不在本局的科室列表中`)
    next.department = patch.department
  }
  const wasActiveAdmin = user.role === 'admin' && !user.disabled
  if (wasActiveAdmin && (next.role !== 'admin' || next.disabled)) {
    const others = (await services.users.list()).filter((u) => u.id !== user.id && u.role === 'admin' && !u.disabled)
    if (!others.length) throw new AppError('last-admin', '这是最后一位管理员，不能停用或改为普通成员；请先让另一位同事成为管理员', 409)
  }
  await services.storage.write([{ type: 'put', collection: 'users', key: user.id, value: next }])
  services.sessions.forgetUser(user.id)
  if (next.disabled && !user.disabled) {
    const sessions = (await services.storage.list<SessionRecord>('sessions')).filter((r) => r.value.userId === user.id)
    for (const { key } of sessions) await services.sessions.logout(key)
  }
  return accountInfo(next, await services.storage.get<string>('signIns', user.id))
}

function accountInfo(user: UserRecord, lastSignInAt: string | undefined): AccountInfo {
  return { ...toUserInfo(user), disabled: Boolean(user.disabled), createdAt: user.createdAt, ...(lastSignInAt ? { lastSignInAt } : {}) }
}

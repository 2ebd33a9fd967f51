import type { UserInfo } from './types.ts'

/** An account as the 用户管理 page shows it (admins only). */
export interface AccountInfo extends UserInfo {
  disabled: boolean
  createdAt: string
  /** Last successful sign-in; absent: never signed in (since this was recorded). */
  lastSignInAt?: string
}

/** PATCH /api/accounts/:userId (admins): any of these. */
export interface UpdateAccountRequest {
  displayName?: string
  role?: 'admin' | 'member'
  disabled?: boolean
  /** A name from the bureau's 科室 list, or null for none. */
  department?: string | null
}

/** The 科室 a new data folder starts with; admins change the list (PUT /api/departments). */
export const DEFAULT_DEPARTMENTS: readonly string[] = ['办公室', '基教科', '德育科', '人事科', '计财科']

/** Longest 科室 name, and most 科室 in the list. */
export const DEPARTMENT_LIMITS = { name: 20, count: 100 } as const

/** The password rules as the UI states them; passwordRuleProblem checks them, in the browser and on the server alike. */
export const PASSWORD_RULES = '密码至少 8 个字符（最多 200 个），须同时包含字母和数字，不能与账号相同。'

/** Why a password breaks PASSWORD_RULES, as a Chinese sentence; null when it keeps them. */
export function passwordRuleProblem(password: string, name?: string): string | null {
  if (password.length < 8) return '密码至少需要 8 个字符'
  if (password.length > 200) return '密码最多 200 个字符'
  if (name !== undefined && password === name) return '密码不能与用户名相同'
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需要同时包含字母和数字'
  return null
}

import { DEFAULT_PLAN_LIMITS, type PlanLimits } from '../../shared/plan/limits.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../import/importLimits.ts'

/** Where overrides are read: process.env, or the CLI's injected environment. */
type Env = Readonly<Record<string, string | undefined>>

/**
 * The server's plan content limits: the defaults of shared/plan/limits.ts, each overridable by an
 * environment variable PLAN_LIMIT_<NAME> (PLAN_LIMIT_ITEMS, PLAN_LIMIT_TOTAL_CHARS …). Read here
 * and nowhere else, so every path that writes a plan uses the same numbers.
 */
export function planLimits(env: Env = process.env): PlanLimits {
  return withOverrides(DEFAULT_PLAN_LIMITS, 'PLAN_LIMIT_', env)
}

/** The .docx import limits: server/import/importLimits.ts's defaults, overridable by IMPORT_LIMIT_<NAME> (IMPORT_LIMIT_FILE_BYTES …). */
export function importLimits(env: Env = process.env): ImportLimits {
  return withOverrides(DEFAULT_IMPORT_LIMITS, 'IMPORT_LIMIT_', env)
}

/** The variable that overrides a limit: titleChars → PLAN_LIMIT_TITLE_CHARS. */
export function envName(prefix: string, key: string): string {
  return prefix + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()
}

/** A copy of the defaults with every set variable applied; a value that is not a positive whole number stops the server with its name. */
function withOverrides<T extends Record<keyof T, number>>(defaults: Readonly<T>, prefix: string, env: Env): T {
  const limits: T = { ...defaults } as T
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const name = envName(prefix, key)
    const raw = env[name]
    if (raw === undefined || raw.trim() === '') continue
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}=${raw}：上限必须是正整数`)
    limits[key] = value as T[keyof T & string]
  }
  return limits
}

import { DEFAULT_PLAN_LIMITS, type PlanLimits } from '../../shared/plan/limits.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../import/importLimits.ts'

/**
 * The server's plan content limits: the defaults of shared/plan/limits.ts, each overridable by an
 * environment variable PLAN_LIMIT_<NAME> (PLAN_LIMIT_ITEMS, PLAN_LIMIT_TOTAL_CHARS …). Read here
 * and nowhere else, so every path that writes a plan uses the same numbers.
 */
export function planLimits(env: NodeJS.ProcessEnv = process.env): PlanLimits {
  return withOverrides(DEFAULT_PLAN_LIMITS, 'PLAN_LIMIT_', env)
}

/** The .docx import limits: server/import/importLimits.ts's defaults, overridable by IMPORT_LIMIT_<NAME> (IMPORT_LIMIT_FILE_BYTES …). */
export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  return withOverrides(DEFAULT_IMPORT_LIMITS, 'IMPORT_LIMIT_', env)
}

/** The variable that overrides a limit: titleChars → PLAN_LIMIT_TITLE_CHARS. */
export function envName(prefix: string, key: string): string {
  return prefix + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase()
}

/** A copy of the defaults with every set variable applied; a value that is not a positive whole number stops the server with its name. */
function withOverrides<T extends Record<keyof T, number>>(defaults: Readonly<T>, prefix: string, env: NodeJS.ProcessEnv): T {
  const limits: T = { ...defaults } as T
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const name = envName(prefix, key)
    const raw = env[name]
    if (raw === undefined || raw.trim() === '') continue
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}=${raw}: a limit must be a positive whole number`)
    limits[key] = value as T[keyof T & string]
  }
  return limits
}

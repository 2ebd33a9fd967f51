import { AppError } from '../AppError.ts'

/**
 * Reads one value of a parsed JSON body as type T, or throws AppError 400 with a Chinese message
 * naming the field. Route handlers type their bodies only through these, never with a cast.
 */
export type Check<T> = (value: unknown, field: string) => T

/** The type a check produces. */
export type Checked<C> = C extends Check<infer T> ? T : never

/** A string, at most `max` characters (and at least `min`, default 1 when required). */
export function text(options: { max?: number; min?: number } = {}): Check<string> {
  const { max = 1000, min = 0 } = options
  return (value, field) => {
    if (value === undefined || value === null) throw bad(`缺少字段“${field}”`)
    if (typeof value !== 'string') throw bad(`字段“${field}”必须是文字`)
    if (value.length > max) throw bad(`字段“${field}”最多 ${max} 个字符`)
    if (value.length < min) throw bad(`字段“${field}”至少需要 ${min} 个字符`)
    return value
  }
}

/** true or false. */
export const bool: Check<boolean> = (value, field) => {
  if (typeof value !== 'boolean') throw bad(`字段“${field}”只能是 true 或 false`)
  return value
}

/** One of a few strings, compared exactly (so `constructor` or `__proto__` never pass). */
export function oneOf<T extends string>(values: readonly T[], message?: string): Check<T> {
  return (value, field) => {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T
    throw bad(message ?? `字段“${field}”只能是 ${values.join('、')}`)
  }
}

/** The field may be missing (undefined); when present it must pass `check`. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, field) => (value === undefined ? undefined : check(value, field))
}

/** The field may be null (to clear something); otherwise it must pass `check`. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, field) => (value === null ? null : check(value, field))
}

/**
 * A JSON object with these fields, each checked; the result holds only those fields (own
 * properties only, so `__proto__` in a body is just an unknown key), missing optional ones left out.
 */
export function object<S extends Record<string, Check<unknown>>>(shape: S): Check<{ [K in keyof S]: Checked<S[K]> }> {
  return (value, field) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw bad(field ? `字段“${field}”必须是一个对象` : '请求内容必须是一个 JSON 对象')
    }
    const source = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(shape)) {
      const got = check(Object.hasOwn(source, key) ? source[key] : undefined, field ? `${field}.${key}` : key)
      if (got !== undefined) out[key] = got
    }
    return out as { [K in keyof S]: Checked<S[K]> }
  }
}

function bad(message: string): AppError {
  return new AppError('bad-request', message, 400)
}

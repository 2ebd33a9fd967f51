import { AppError } from '../AppError.ts'

/** A string field of a JSON body; AppError 400 naming the field when it is missing. */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  if (typeof value !== 'string') throw new AppError('bad-request', `缺少字段“${name}”`)
  return value
}

/** An optional string field of a JSON body. */
export function optionalField(body: unknown, name: string): string | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new AppError('bad-request', `字段“${name}”必须是文字`)
  return value
}

/** The JSON body as an object; AppError 400 otherwise. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('bad-request', '请求内容必须是一个 JSON 对象')
  return body as Record<string, unknown>
}

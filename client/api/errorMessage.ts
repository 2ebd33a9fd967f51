import { ApiFailure } from './ApiFailure.ts'

/** The plain Chinese sentence to show for any error; never a stack trace. */
export function errorMessage(err: unknown, fallback = '操作没有完成，请稍后重试'): string {
  if (err instanceof ApiFailure) return err.message
  return fallback
}

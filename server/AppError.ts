import type { ApiErrorCode } from './errorCodes.ts'

/**
 * An error a user can act on: a stable code, a plain Chinese sentence and the HTTP status it
 * maps to. Services throw it; the HTTP layer and the CLI print it without a stack trace.
 */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

import { AppError } from '../AppError.ts'
import type { ApiErrorCode } from '../errorCodes.ts'

/** A 429 refusal that says when to try again (sent as Retry-After). */
export class RetryLater extends AppError {
  constructor(
    message: string,
    /** Whole seconds until a new attempt may pass. */
    readonly retryAfterSeconds: number,
    code: ApiErrorCode = 'too-many-attempts',
  ) {
    super(code, message, 429)
  }
}

/** Milliseconds as whole seconds to wait, at least 1. */
export function secondsToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

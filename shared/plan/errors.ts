/** Why an input could not be read; `message` is a plain Chinese sentence fit for users. */
export type PlanErrorCode =
  | 'empty-file'
  | 'binary-file'
  | 'file-too-large'
  | 'not-a-docx'
  | 'docx-missing-document'
  | 'docx-damaged'
  | 'no-structure'
  | 'invalid-plan-json'
  | 'unsupported-format'

/** An input that cannot become a plan. Thrown by import and Plan JSON parsing; never a crash. */
export class PlanError extends Error {
  /** Machine-readable reason, stable across releases. */
  readonly code: PlanErrorCode

  constructor(code: PlanErrorCode, message: string) {
    super(message)
    this.name = 'PlanError'
    this.code = code
  }
}

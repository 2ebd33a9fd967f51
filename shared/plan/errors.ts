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
  /** Over a size limit of the .docx reader: inflated size, entries, compression ratio, paragraphs, characters, elements. */
  | 'docx-too-large'
  /** XML nested deeper than the reader's limit. */
  | 'docx-too-complex'
  /** XML with a DOCTYPE or entity declarations (billion laughs); Word never writes them. */
  | 'docx-entities'
  /** The import needed more memory than its worker may use. */
  | 'import-out-of-memory'
  /** The import ran longer than its time limit. */
  | 'import-timeout'

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

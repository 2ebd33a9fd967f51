import type { ImportResult } from '../../shared/import/importText.ts'
import type { ReturnedFile } from '../../shared/review/wordReturnTypes.ts'
import { serveJobs } from '../workers/serveJobs.ts'
import { importFile } from './importFile.ts'
import type { ImportLimits } from './importLimits.ts'
import { readWordReturn } from './readWordReturn.ts'
import { fileBytes } from './uploadBytes.ts'

/** A file the server sends to the import worker: its bytes, or the base64 text of an upload (decoded here, off the server thread). */
export interface ImportJob {
  file: { bytes: Uint8Array } | { base64: string }
  filename: string
  limits: ImportLimits
  /** 'word-return': read a returned .docx's revisions and comments (readWordReturn) instead of importing a plan. */
  mode?: 'word-return'
}

// Runs in the import worker thread only (started by importInWorker.ts).
serveJobs<ImportJob, ImportResult | ReturnedFile>(async (job) => (job.mode === 'word-return' ? readWordReturn(fileBytes(job.file), job.limits) : importFile(fileBytes(job.file), job.filename, job.limits)))

import type { ImportResult } from '../../shared/import/importText.ts'
import { serveJobs } from '../workers/serveJobs.ts'
import { importFile } from './importFile.ts'
import type { ImportLimits } from './importLimits.ts'
import { fileBytes } from './uploadBytes.ts'

/** A file the server sends to the import worker: its bytes, or the base64 text of an upload (decoded here, off the server thread). */
export interface ImportJob {
  file: { bytes: Uint8Array } | { base64: string }
  filename: string
  limits: ImportLimits
}

// Runs in the import worker thread only (started by importInWorker.ts).
serveJobs<ImportJob, ImportResult>(async (job) => importFile(fileBytes(job.file), job.filename, job.limits))

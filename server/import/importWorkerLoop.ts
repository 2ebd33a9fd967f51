import type { ImportResult } from '../../shared/import/importText.ts'
import { serveJobs } from '../workers/serveJobs.ts'
import { importFile } from './importFile.ts'
import type { ImportLimits } from './importLimits.ts'

/** A file the server sends to the import worker. */
export interface ImportJob {
  bytes: Uint8Array
  filename: string
  limits: ImportLimits
}

// Runs in the import worker thread only (started by importInWorker.ts).
serveJobs<ImportJob, ImportResult>((job) => importFile(job.bytes, job.filename, job.limits))

import type { Plan } from '../../shared/plan/types.ts'
import { serveJobs } from '../workers/serveJobs.ts'
import { exportDocx, type ExportOptions } from './exportDocx.ts'

/** A job the server sends to the export worker. */
export interface ExportJob {
  plan: Plan
  options: ExportOptions
}

// Runs in the export worker only (serveJobs answers nothing elsewhere): sets each plan and sends the
// file back, moving its memory; a copy of its own, so that only this file's memory moves.
serveJobs<ExportJob, Uint8Array>(
  async (job) => (await exportDocx(job.plan, job.options)).slice(),
  (bytes) => [bytes.buffer as ArrayBuffer],
)

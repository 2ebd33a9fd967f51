import type { Plan } from '../../shared/plan/types.ts'
import { serveJobs } from '../workers/serveJobs.ts'
import { exportDocx, type ExportOptions } from './exportDocx.ts'
import { planOfParts } from './planOfParts.ts'
import { acceptedPlanOfParts, reviewOfParts } from './reviewOfParts.ts'

/**
 * A job the server sends to the export worker: a plan, or a document's stored parts — then reading
 * the document (applying its updates, walking it into a plan) happens here too, not on the server's
 * event loop, where it cost a large plan's export 100–200 ms of everybody's time.
 */
export type ExportJob = { plan: Plan; options: ExportOptions } | { parts: Uint8Array[]; options: ExportOptions }

/** The file and the title of the plan it holds (the download is named after it). */
export interface ExportResult {
  bytes: Uint8Array
  title: string
}

/** Runs one export job wherever it is called (the worker, or inline where no worker can start). */
export async function runExportJob(job: ExportJob): Promise<ExportResult> {
  if ('plan' in job) return { bytes: await exportDocx(job.plan, job.options), title: job.plan.title }
  const reading = job.options.suggestions ?? 'reject'
  if (reading === 'track') {
    const { plan, markup } = reviewOfParts(job.parts)
    return { bytes: await exportDocx(plan, job.options, markup), title: plan.title }
  }
  const plan = reading === 'accept' ? acceptedPlanOfParts(job.parts) : planOfParts(job.parts)
  return { bytes: await exportDocx(plan, job.options), title: plan.title }
}

// Runs in the export worker only (serveJobs answers nothing elsewhere): sets each plan and sends the
// file back, moving its memory; a copy of its own, so that only this file's memory moves.
serveJobs<ExportJob, ExportResult>(
  async (job) => {
    const result = await runExportJob(job)
    return { bytes: result.bytes.slice(), title: result.title }
  },
  (result) => [result.bytes.buffer as ArrayBuffer],
)

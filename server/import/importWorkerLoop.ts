import type { ImportResult } from '../../shared/import/importText.ts'
import { planLimitViolation, type PlanLimits } from '../../shared/plan/limits.ts'
import type { ReturnedFile } from '../../shared/review/wordReturnTypes.ts'
import { serveJobs } from '../workers/serveJobs.ts'
import { firstState, type FirstState } from './firstState.ts'
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
  /** Given: a plan within these limits comes back with its document's first state, built here instead of on the server thread. */
  planLimits?: PlanLimits
}

/** An imported plan, with the first state of a document holding it when the job asked and the plan is within the limits. */
export type WorkerImport = ImportResult & { state?: FirstState }

/** Imports the job's file; builds the first state only for a plan the server will accept (a plan over a limit is refused there, with the limit named). */
async function importJob(job: ImportJob): Promise<WorkerImport> {
  const result = await importFile(fileBytes(job.file), job.filename, job.limits)
  if (!job.planLimits || planLimitViolation(result.plan, job.planLimits)) return result
  return { ...result, state: firstState(result.plan) }
}

/** The state's update moves back to the server thread instead of being copied (it may be megabytes). */
function transferOf(answer: WorkerImport | ReturnedFile): ArrayBuffer[] {
  const update = 'state' in answer ? answer.state?.update : undefined
  return update && update.buffer instanceof ArrayBuffer && update.byteOffset === 0 && update.byteLength === update.buffer.byteLength ? [update.buffer] : []
}

// Runs in the import worker thread only (started by importInWorker.ts).
serveJobs<ImportJob, WorkerImport | ReturnedFile>(async (job) => (job.mode === 'word-return' ? readWordReturn(fileBytes(job.file), job.limits) : importJob(job)), transferOf)

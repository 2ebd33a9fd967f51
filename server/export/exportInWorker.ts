import type { Plan } from '../../shared/plan/types.ts'
import { JobThread } from '../workers/JobThread.ts'
import type { ExportOptions } from './exportDocx.ts'
import { runExportJob, type ExportJob, type ExportResult } from './exportWorkerLoop.ts'

const MODULE = new URL('./exportWorkerLoop.ts', import.meta.url)

/** How much an export may take before its worker is stopped and replaced. */
export interface ExportWorkerLimits {
  /**
   * Heap of the export worker in MB. The largest plan the default limits accept needs about 120 MB;
   * a plan past every limit makes the worker fail (and be replaced), never the server's process grow.
   * @default 768
   */
  heapMb: number
  /** A job not answered in this time is taken as hung. @default 30000 */
  timeoutMs: number
}

/** The limits used unless a caller (a test) gives others. */
export const DEFAULT_EXPORT_WORKER_LIMITS: Readonly<ExportWorkerLimits> = Object.freeze({ heapMb: 768, timeoutMs: 30_000 })

let thread: { heapMb: number; worker: JobThread<ExportJob, ExportResult> } | null = null
let unavailable = false

/**
 * exportDocx on the export worker thread (server/workers/JobThread), so that the tens of
 * milliseconds of synchronous layout per export never hold up the collaboration server's event
 * loop. A worker that dies, hangs or runs out of heap fails only the jobs it holds (WorkerJobError)
 * and is replaced on the next export; a plan the layout cannot set fails with its error's name
 * (WorkerHandlerError). Where no worker thread can start at all, exports run inline.
 */
export async function exportInWorker(plan: Plan, options: ExportOptions = {}, limits: ExportWorkerLimits = DEFAULT_EXPORT_WORKER_LIMITS): Promise<Uint8Array> {
  return (await runOnThread({ plan, options }, limits)).bytes
}

/**
 * A document exported from its stored parts (snapshot and log, or one encoded state): the worker
 * also reads the document, so a large plan costs the server's event loop only the copy of its bytes.
 * Returns the file and the plan's title.
 */
export function exportPartsInWorker(parts: Uint8Array[], options: ExportOptions = {}, limits: ExportWorkerLimits = DEFAULT_EXPORT_WORKER_LIMITS): Promise<ExportResult> {
  return runOnThread({ parts, options }, limits)
}

async function runOnThread(job: ExportJob, limits: ExportWorkerLimits): Promise<ExportResult> {
  if (unavailable) return runExportJob(job)
  if (!thread || thread.worker.dead || thread.heapMb !== limits.heapMb) {
    void thread?.worker.stop()
    thread = { heapMb: limits.heapMb, worker: new JobThread({ module: MODULE, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } }) }
  }
  const current = thread.worker
  if (!(await current.started)) {
    unavailable = true
    return runExportJob(job)
  }
  return current.run(job, { timeoutMs: limits.timeoutMs })
}

/** Where exports run now: on the worker thread, inline (no worker could start), or nowhere yet. */
export function exportThreadState(): 'worker' | 'inline' | 'not started' {
  return unavailable ? 'inline' : thread && !thread.worker.dead ? 'worker' : 'not started'
}

/** Stops the export worker (jobs it holds fail); the next export starts a new one. */
export async function stopExportThread(): Promise<void> {
  const current = thread
  thread = null
  await current?.worker.stop()
}

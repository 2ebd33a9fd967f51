import { Worker } from 'node:worker_threads'
import type { Plan } from '../../shared/plan/types.ts'
import { exportDocx, type ExportOptions } from './exportDocx.ts'
import type { ExportAnswer, ExportJob } from './exportWorkerLoop.ts'

/** The worker's entry (registers tsx, then runs exportWorkerLoop.ts). */
const ENTRY = new URL('./exportWorker.mjs', import.meta.url)

/**
 * Heap the worker may use. The largest plan the default limits accept needs about 120 MB; a plan
 * past every limit makes the worker fail (and be replaced), never the server's process grow.
 */
export const EXPORT_WORKER_HEAP_MB = 768

/** A job the worker has not answered in this time is taken as hung: the worker is replaced. */
const JOB_TIMEOUT_MS = 30_000

interface Pending {
  resolve(bytes: Uint8Array): void
  reject(err: Error): void
  timer: NodeJS.Timeout
}

/**
 * One worker thread that sets plans as .docx, so that the tens of milliseconds of synchronous layout
 * per export never hold up the collaboration server's event loop. Started on first use; not kept
 * alive for its own sake (unref), so a process may exit while it idles.
 */
class ExportThread {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  /** Resolves true once the worker runs, false when it could not start. */
  readonly started: Promise<boolean>
  dead = false

  constructor(onDead: (thread: ExportThread) => void) {
    // No inherited flags: vitest's or tsx's loaders are not needed, the entry registers tsx itself.
    this.worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: EXPORT_WORKER_HEAP_MB } })
    this.worker.unref()
    this.started = new Promise((resolve) => {
      this.worker.once('message', () => resolve(true))
      this.worker.once('error', () => resolve(false))
      this.worker.once('exit', () => resolve(false))
    })
    this.worker.on('message', (answer: ExportAnswer | { ready: true }) => 'id' in answer && this.settle(answer))
    const fail = (err: Error): void => {
      this.dead = true
      onDead(this)
      for (const [id, job] of this.pending) {
        clearTimeout(job.timer)
        job.reject(err)
        this.pending.delete(id)
      }
    }
    this.worker.on('error', (err) => fail(err))
    this.worker.on('exit', (code) => fail(new Error(`export worker exited with code ${code}`)))
  }

  run(plan: Plan, options: ExportOptions): Promise<Uint8Array> {
    if (this.dead) return Promise.reject(new Error('export worker exited before the job was sent'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`export took longer than ${JOB_TIMEOUT_MS} ms`))
        void this.worker.terminate()
      }, JOB_TIMEOUT_MS)
      this.pending.set(id, { resolve, reject, timer })
      this.worker.postMessage({ id, plan, options } satisfies ExportJob)
    })
  }

  /** Stops the worker; jobs it holds fail. */
  async stop(): Promise<void> {
    await this.worker.terminate()
  }

  private settle(answer: ExportAnswer): void {
    const job = this.pending.get(answer.id)
    if (!job) return
    this.pending.delete(answer.id)
    clearTimeout(job.timer)
    if ('bytes' in answer) job.resolve(answer.bytes)
    else job.reject(new Error(answer.error))
  }
}

let thread: ExportThread | null = null
let unavailable = false

/**
 * exportDocx on the export worker thread. A worker that dies or hangs fails only the jobs it holds
 * and is replaced on the next export. Where no worker thread can start at all (a runtime without
 * tsx, say) exports run inline, as exportDocx would.
 */
export async function exportInWorker(plan: Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  if (unavailable) return exportDocx(plan, options)
  const current = (thread ??= new ExportThread((dead) => {
    if (thread === dead) thread = null
  }))
  if (!(await current.started)) {
    unavailable = true
    return exportDocx(plan, options)
  }
  return current.run(plan, options)
}

/** Where exports run now: on the worker thread, inline (no worker could start), or nowhere yet. */
export function exportThreadState(): 'worker' | 'inline' | 'not started' {
  return unavailable ? 'inline' : thread && !thread.dead ? 'worker' : 'not started'
}

/** Stops the export worker (jobs it holds fail); the next export starts a new one. */
export async function stopExportThread(): Promise<void> {
  const current = thread
  thread = null
  await current?.stop()
}

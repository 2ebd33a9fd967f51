import { Worker, type ResourceLimits } from 'node:worker_threads'

/** What the server sends a worker. */
export interface JobMessage<Job> {
  id: number
  job: Job
}

/** What a worker answers: the result, or the error's name, code and message. */
export type JobReply<Answer> = { id: number; answer: Answer } | { id: number; error: { name: string; message: string; code?: string } }

/** Why a job failed without an answer from its handler. */
export type JobFailure = 'timeout' | 'out-of-memory' | 'exited' | 'not-started'

/** A job the worker did not answer: it ran out of time or memory, or the thread ended. */
export class WorkerJobError extends Error {
  constructor(
    readonly reason: JobFailure,
    message: string,
  ) {
    super(message)
    this.name = 'WorkerJobError'
  }
}

/** A job the handler refused: its error, rebuilt on the server thread. */
export class WorkerHandlerError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message)
    this.name = name
  }
}

/** How to start a job thread. */
export interface JobThreadOptions {
  /** The TypeScript module that calls serveJobs. */
  module: URL
  /** Heap caps; a worker over them dies and fails only the jobs it holds. */
  resourceLimits?: ResourceLimits
}

/** How to run one job. */
export interface RunOptions {
  /** A job not answered in this time fails and the worker is stopped. */
  timeoutMs: number
  /** Buffers that move to the worker instead of being copied. */
  transfer?: ArrayBuffer[]
}

interface Pending<Answer> {
  resolve(answer: Answer): void
  reject(err: Error): void
  timer: NodeJS.Timeout
}

const ENTRY = new URL('./tsWorker.mjs', import.meta.url)

/**
 * One worker thread running a TypeScript module's jobs, so that heavy or hostile work never holds
 * the server's event loop or memory. A worker that times out, runs out of memory or exits fails the
 * jobs it holds with a WorkerJobError and is `dead`: make a new JobThread for the next job.
 * Not kept alive for its own sake (unref), so a process may exit while it idles.
 */
export class JobThread<Job, Answer> {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending<Answer>>()
  private nextId = 1
  private failure: JobFailure = 'exited'
  /** Resolves true once the worker runs, false when it could not start. */
  readonly started: Promise<boolean>
  dead = false

  constructor(options: JobThreadOptions) {
    // No inherited flags: vitest's or tsx's loaders are not needed, the entry registers tsx itself.
    this.worker = new Worker(ENTRY, { execArgv: [], workerData: { module: options.module.href }, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) })
    this.worker.unref()
    this.started = new Promise((resolve) => {
      this.worker.once('message', () => resolve(true))
      this.worker.once('exit', () => resolve(false))
    })
    this.worker.on('message', (reply: JobReply<Answer> | { ready: true }) => 'id' in reply && this.settle(reply))
    this.worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') this.failure = 'out-of-memory'
    })
    this.worker.on('exit', () => this.fail())
  }

  /** Runs one job; rejects with WorkerJobError when the worker gives no answer, or WorkerHandlerError when the handler threw. */
  run(job: Job, options: RunOptions): Promise<Answer> {
    if (this.dead) return Promise.reject(new WorkerJobError('exited', 'worker thread ended before the job was sent'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // Fails now: an answer already on its way would otherwise win the race with terminate().
        this.pending.delete(id)
        reject(new WorkerJobError('timeout', `job took longer than ${options.timeoutMs} ms`))
        this.failure = 'timeout'
        // Dead from now on, not from the 'exit' event: a job sent meanwhile would go to the dying
        // worker and fail with this one's timeout (the next import after a timed-out one did).
        this.dead = true
        void this.worker.terminate()
      }, options.timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      this.worker.postMessage({ id, job } satisfies JobMessage<Job>, options.transfer ?? [])
    })
  }

  /** Stops the worker; jobs it holds fail. */
  async stop(): Promise<void> {
    await this.worker.terminate()
  }

  private fail(): void {
    this.dead = true
    const err = new WorkerJobError(this.failure, `worker thread ended (${this.failure})`)
    for (const [id, job] of this.pending) {
      clearTimeout(job.timer)
      job.reject(err)
      this.pending.delete(id)
    }
  }

  private settle(reply: JobReply<Answer>): void {
    const job = this.pending.get(reply.id)
    if (!job) return
    this.pending.delete(reply.id)
    clearTimeout(job.timer)
    if ('answer' in reply) job.resolve(reply.answer)
    else job.reject(new WorkerHandlerError(reply.error.name, reply.error.message, reply.error.code))
  }
}

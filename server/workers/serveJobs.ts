import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import type { JobMessage, JobReply } from './JobThread.ts'

/**
 * Runs in a worker thread: answers each job the server sends with the handler's result, or with the
 * error's name, code and message (never its data), then says it is ready. Results' buffers listed by
 * `transfer` move to the server thread instead of being copied.
 */
export function serveJobs<Job, Answer>(handle: (job: Job) => Promise<Answer>, transfer: (answer: Answer) => ArrayBuffer[] = () => []): void {
  const port = parentPort
  // Only in a thread started by JobThread (tsWorker.mjs): never answer on a test runner's own port.
  if (!port || typeof (workerData as { module?: unknown } | null)?.module !== 'string') return
  lowerThreadPriority()
  port.on('message', (message: JobMessage<Job>) => {
    handle(message.job).then(
      (answer) => port.postMessage({ id: message.id, answer } satisfies JobReply<Answer>, transfer(answer)),
      (err: unknown) => port.postMessage({ id: message.id, error: describe(err) } satisfies JobReply<Answer>),
    )
  })
  port.postMessage({ ready: true })
}

/** Nice value of job threads: an import or export yields the CPU to the thread that relays editors' keystrokes. */
export const JOB_THREAD_NICE = 10

/**
 * Lowers this thread's scheduling priority. On Linux setpriority() on "process 0" applies to the
 * calling thread alone (elsewhere it would slow the whole server, so it is left alone there): on a
 * two-core machine a zip bomb inflating to the import limits otherwise took a core from the relay
 * (soak bench: editors' p99 2.4× while bombs arrived).
 */
function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return
  try {
    setPriority(0, JOB_THREAD_NICE)
  } catch {
    // Not allowed (a sandbox without setpriority): jobs run at normal priority.
  }
}

function describe(err: unknown): { name: string; message: string; code?: string } {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) }
  const code = (err as { code?: unknown }).code
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) }
}

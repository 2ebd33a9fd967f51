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
  port.on('message', (message: JobMessage<Job>) => {
    handle(message.job).then(
      (answer) => port.postMessage({ id: message.id, answer } satisfies JobReply<Answer>, transfer(answer)),
      (err: unknown) => port.postMessage({ id: message.id, error: describe(err) } satisfies JobReply<Answer>),
    )
  })
  port.postMessage({ ready: true })
}

function describe(err: unknown): { name: string; message: string; code?: string } {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) }
  const code = (err as { code?: unknown }).code
  return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) }
}

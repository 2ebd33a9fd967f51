import { parentPort } from 'node:worker_threads'
import type { Plan } from '../../shared/plan/types.ts'
import { exportDocx, type ExportOptions } from './exportDocx.ts'

/** A job the server sends to the export worker. */
export interface ExportJob {
  id: number
  plan: Plan
  options: ExportOptions
}

/** The worker's answer: the file, or the error's name and message (never the plan text). */
export type ExportAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string }

// Runs in the worker thread only: sets each plan it is sent and sends the file back, moving its memory.
const port = parentPort
if (port) {
  port.on('message', (job: ExportJob) => {
    exportDocx(job.plan, job.options).then(
      (bytes) => {
        // A copy of its own, so that only this file's memory moves to the server thread.
        const own = bytes.slice()
        port.postMessage({ id: job.id, bytes: own } satisfies ExportAnswer, [own.buffer])
      },
      (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) } satisfies ExportAnswer),
    )
  })
  port.postMessage({ ready: true })
}

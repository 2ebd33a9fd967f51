import { describe, expect, it } from 'vitest'
import { JobThread, WorkerHandlerError, WorkerJobError } from '../../../server/workers/JobThread.ts'
import type { HungryJob } from './fixtures/hungryJobs.ts'

const MODULE = new URL('./fixtures/hungryJobs.ts', import.meta.url)

function thread(): JobThread<HungryJob, string> {
  return new JobThread<HungryJob, string>({ module: MODULE, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } })
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (err) {
    if (err instanceof Error) return err
  }
  throw new Error('the job did not fail')
}

describe('JobThread (the import worker runner)', () => {
  it('runs a TypeScript module’s jobs and brings back a handler’s error with its name and code', async () => {
    const t = thread()
    expect(await t.started).toBe(true)
    expect(await t.run('echo', { timeoutMs: 10_000 })).toBe('ok')
    const err = await failure(t.run('refuse', { timeoutMs: 10_000 }))
    expect(err).toBeInstanceOf(WorkerHandlerError)
    expect([err.name, err.message, (err as WorkerHandlerError).code]).toEqual(['PlanError', '不行', 'docx-damaged'])
    expect(await t.run('echo', { timeoutMs: 10_000 })).toBe('ok')
    await t.stop()
  })

  it('fails a job that outgrows the heap limit as out-of-memory, while this thread keeps its own heap', async () => {
    const t = thread()
    const before = process.memoryUsage().heapUsed
    const err = await failure(t.run('eat', { timeoutMs: 60_000 }))
    expect(err).toBeInstanceOf(WorkerJobError)
    expect((err as WorkerJobError).reason).toBe('out-of-memory')
    expect(t.dead).toBe(true)
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024)
    expect(await thread().run('echo', { timeoutMs: 10_000 })).toBe('ok')
  })

  it('fails a job that never ends at its time limit and stops the worker', async () => {
    const t = thread()
    expect(await t.started).toBe(true)
    const err = await failure(t.run('hang', { timeoutMs: 200 }))
    expect((err as WorkerJobError).reason).toBe('timeout')
    await expect.poll(() => t.dead).toBe(true)
  })
})

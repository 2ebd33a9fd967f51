import { getPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { JobThread } from '../../../server/workers/JobThread.ts'
import { JOB_THREAD_NICE } from '../../../server/workers/serveJobs.ts'

describe('job threads (import, export) on Linux', () => {
  it.runIf(process.platform === 'linux')('run at a lower priority than the thread that relays keystrokes, which keeps its own', async () => {
    const before = getPriority(0)
    const t = new JobThread<'nice', number>({ module: new URL('./fixtures/priorityJobs.ts', import.meta.url) })
    expect(await t.run('nice', { timeoutMs: 10_000 })).toBe(Math.min(19, Math.max(before, JOB_THREAD_NICE)))
    expect(getPriority(0)).toBe(before)
    await t.stop()
  })
})

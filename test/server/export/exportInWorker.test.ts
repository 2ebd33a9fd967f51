import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { DEFAULT_EXPORT_WORKER_LIMITS, exportInWorker, exportThreadState, stopExportThread } from '../../../server/export/exportInWorker.ts'
import { WorkerHandlerError, WorkerJobError } from '../../../server/workers/JobThread.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { subsectionPlan } from './fixtures.ts'

async function part(bytes: Uint8Array, path: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(path)?.async('string')
}

describe('exportInWorker', () => {
  it('sets a plan on the worker thread exactly as exportDocx does inline', async () => {
    for (const [plan, notice] of [
      [districtSeed(), true],
      [districtSeed(), false],
      [subsectionPlan(), true],
    ] as const) {
      const [there, here] = await Promise.all([exportInWorker(plan, { notice }), exportDocx(plan, { notice })])
      expect(exportThreadState()).toBe('worker')
      for (const path of ['word/document.xml', 'word/styles.xml', 'word/fontTable.xml', 'word/footer1.xml']) expect(await part(there, path), path).toBe(await part(here, path))
    }
  })

  it('answers jobs sent together, each with its own plan', async () => {
    const plans = ['一', '二', '三', '四'].map((n) => ({ ...subsectionPlan(), title: `第${n}份工作要点` }))
    const files = await Promise.all(plans.map((p) => exportInWorker(p, { notice: false })))
    for (const [i, bytes] of files.entries()) expect(await part(bytes, 'word/document.xml')).toContain(plans[i].title)
  })

  it('fails only the job whose plan the layout cannot set, and keeps working', async () => {
    const broken = { ...districtSeed(), sections: null } as unknown as Plan
    const err = await exportInWorker(broken).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WorkerHandlerError)
    expect((err as Error).name).toBe('TypeError')
    expect(await part(await exportInWorker(districtSeed()), 'word/document.xml')).toContain('2021年下半年闵行教育工作要点')
  })

  it('fails the jobs of a stopped worker and starts a new one for the next export', async () => {
    await exportInWorker(districtSeed())
    const held = exportInWorker(districtSeed())
    await stopExportThread()
    await expect(held).rejects.toBeInstanceOf(WorkerJobError)
    expect(exportThreadState()).toBe('not started')
    expect(await part(await exportInWorker(districtSeed()), 'word/document.xml')).toContain('2021年下半年闵行教育工作要点')
    expect(exportThreadState()).toBe('worker')
  })

  it('fails only the export that runs the worker out of heap, and the next export runs on a new worker', async () => {
    // Far past every plan limit (50 million characters): a heap of 64 MB cannot hold its layout.
    const huge = {
      ...districtSeed(),
      sections: [{ id: 's', heading: '总体要求', intro: [], subsections: [], items: Array.from({ length: 2_500 }, (_, k) => ({ id: `i${k}`, title: '落实。', body: '推进教育高质量发展。'.repeat(2_000) })) }],
    }
    const err = await exportInWorker(huge, {}, { ...DEFAULT_EXPORT_WORKER_LIMITS, heapMb: 64 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WorkerJobError)
    expect((err as WorkerJobError).reason).toBe('out-of-memory')
    expect(await part(await exportInWorker(districtSeed()), 'word/document.xml')).toContain('2021年下半年闵行教育工作要点')
    expect(exportThreadState()).toBe('worker')
  }, 60_000)
})

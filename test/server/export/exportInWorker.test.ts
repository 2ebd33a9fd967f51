import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { exportInWorker, exportThreadState, stopExportThread } from '../../../server/export/exportInWorker.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { subsectionPlan } from './fixtures.ts'

async function part(bytes: Uint8Array, path: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(path)?.async('string')
}

describe('exportInWorker', () => {
  it('sets a plan on the worker thread exactly as exportDocx does inline', async () => {
    for (const [plan, notice] of [[districtSeed(), true], [districtSeed(), false], [subsectionPlan(), true]] as const) {
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
    await expect(exportInWorker(broken)).rejects.toThrow(/TypeError/)
    expect(await part(await exportInWorker(districtSeed()), 'word/document.xml')).toContain('2021年下半年闵行教育工作要点')
  })

  it('fails the jobs of a stopped worker and starts a new one for the next export', async () => {
    await exportInWorker(districtSeed())
    const held = exportInWorker(districtSeed())
    await stopExportThread()
    await expect(held).rejects.toThrow(/export worker exited/)
    expect(exportThreadState()).toBe('not started')
    expect(await part(await exportInWorker(districtSeed()), 'word/document.xml')).toContain('2021年下半年闵行教育工作要点')
    expect(exportThreadState()).toBe('worker')
  })
})

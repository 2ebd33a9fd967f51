import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { planOfState } from '../../../server/docs/planState.ts'
import { importInWorker, stopImportThread } from '../../../server/import/importInWorker.ts'
import { DEFAULT_IMPORT_LIMITS } from '../../../server/import/importLimits.ts'
import { DEFAULT_PLAN_LIMITS } from '../../../shared/plan/limits.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'

afterAll(() => stopImportThread())

describe('handing a file to the import worker', () => {
  it('moves bytes that own their whole buffer to the worker without a copy (the caller’s view is emptied)', async () => {
    const bytes = new Uint8Array(readFileSync(SEED_PATHS.district))
    const size = bytes.byteLength
    expect(size).toBeGreaterThan(0)
    const result = await importInWorker({ bytes }, 'a.txt')
    expect(result.plan.sections.length).toBeGreaterThan(0)
    // Transferred: the ArrayBuffer now belongs to the worker.
    expect(bytes.byteLength).toBe(0)
    expect(bytes.buffer.byteLength).toBe(0)
  })

  it('copies bytes that share their buffer (a small Buffer from Node’s pool) and leaves them as they were', async () => {
    const text = '2025年工作要点\n一、总体要求\n1.做好工作。推进落实。'
    const pooled = Buffer.from(text)
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength)
    const result = await importInWorker({ bytes: pooled }, 'a.txt')
    expect(result.plan.title).toBe('2025年工作要点')
    expect(pooled.toString('utf8')).toBe(text)
  })

  it('builds the new document’s first state on the worker for a plan within the plan limits, and none for a plan over them', async () => {
    const seed = () => new Uint8Array(readFileSync(SEED_PATHS.district))
    const within = await importInWorker({ bytes: seed() }, 'a.txt', DEFAULT_IMPORT_LIMITS, DEFAULT_PLAN_LIMITS)
    expect(within.state).toBeDefined()
    expect(within.state?.update.byteLength).toBeGreaterThan(0)
    expect(toPlanJson(planOfState(within.state?.update ?? null))).toEqual(toPlanJson(within.plan))
    const over = await importInWorker({ bytes: seed() }, 'a.txt', DEFAULT_IMPORT_LIMITS, { ...DEFAULT_PLAN_LIMITS, items: 1 })
    expect(over.plan.sections.length).toBeGreaterThan(0)
    expect(over.state).toBeUndefined()
    expect((await importInWorker({ bytes: seed() }, 'a.txt')).state).toBeUndefined()
  })
})

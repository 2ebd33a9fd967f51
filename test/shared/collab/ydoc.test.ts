import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readPlan, replacePlan, writePlan } from '../../../shared/collab/ydoc.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'

describe('plans in a Y.Doc', () => {
  it('reads back exactly the plan that was written, for both seeds', () => {
    for (const plan of [districtSeed(), municipalSeed()]) {
      const ydoc = new Y.Doc()
      writePlan(ydoc, plan)
      expect(readPlan(ydoc)).toEqual(plan)
    }
  })

  it("reads the same plan on a second Y.Doc that received the first one's update", () => {
    const a = new Y.Doc()
    writePlan(a, districtSeed())
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readPlan(b)).toEqual(readPlan(a))
  })

  it('refuses to write a plan over a document that already has text', () => {
    const ydoc = new Y.Doc()
    writePlan(ydoc, districtSeed())
    expect(() => writePlan(ydoc, districtSeed())).toThrow(/empty/)
  })

  it('replaces a plan with a small update that keeps unchanged items and reaches other replicas', () => {
    const a = new Y.Doc()
    const plan = districtSeed()
    writePlan(a, plan)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const changed = structuredClone(plan)
    changed.sections[2].items[0].title = '深化教育综合改革。'
    changed.sections[7].items.pop()
    const sv = Y.encodeStateVector(a)
    replacePlan(a, changed)
    const update = Y.encodeStateAsUpdate(a, sv)
    expect(update.length).toBeLessThan(2000)
    Y.applyUpdate(b, update)
    expect(readPlan(b)).toEqual(changed)
  })
})

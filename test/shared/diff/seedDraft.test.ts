import { beforeAll, describe, expect, it } from 'vitest'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import type { PlanDiff } from '../../../shared/diff/types.ts'
import { seedDraft, withoutIds, type ExpectedEntry, type SeedDraft } from './fixtures/seedDraft.ts'

let fixture: SeedDraft
beforeAll(() => {
  fixture = seedDraft()
})

function key(e: ExpectedEntry): string {
  return `${e.kind} ${e.old.join('+')}→${e.new.join('+')}${e.moved ? ' M' : ''}`
}

function actual(d: PlanDiff): string[] {
  return d.items.map((e) => key({ kind: e.kind, old: e.old.map((r) => r.number), new: e.new.map((r) => r.number), moved: e.moved })).sort()
}

describe('seed 000 against a next-year draft with scripted edits', () => {
  it('is a draft of the expected shape', () => {
    // Sanity check of the fixture itself: 8 sections after removing 四 and adding 九; 31 entries in all.
    expect(fixture.draft.sections.length).toBe(8)
    expect(fixture.expected.length).toBe(31)
  })

  it('finds every edit with ids carried forward', () => {
    const d = diffPlans(fixture.source, fixture.draft)
    expect(actual(d)).toEqual(fixture.expected.map(key).sort())
    expect(d.items.filter((e) => e.kind !== 'added' && e.kind !== 'removed').every((e) => e.matchedBy === 'id')).toBe(true)
  })

  it('finds the same edits by content when the draft has no ids in common', () => {
    const d = diffPlans(fixture.source, withoutIds(fixture.draft))
    expect(actual(d)).toEqual(fixture.expected.map(key).sort())
    expect(d.items.filter((e) => e.kind !== 'added' && e.kind !== 'removed').every((e) => e.matchedBy === 'content')).toBe(true)
  })

  it('gives the same result when told to ignore ids', () => {
    expect(actual(diffPlans(fixture.source, fixture.draft, { useIds: false }))).toEqual(fixture.expected.map(key).sort())
  })

  it('matches sections: 四 removed, 八 renamed, 九 added', () => {
    for (const draft of [fixture.draft, withoutIds(fixture.draft)]) {
      const d = diffPlans(fixture.source, draft)
      const sections = d.sections.map((s) => ({ kind: s.kind, ...(s.old ? { old: s.old.number } : {}), ...(s.new ? { new: s.new.number } : {}) }))
      expect(sections).toEqual(fixture.expectedSections)
    }
  })

  it('reports the changed targets and nothing else', () => {
    const d = diffPlans(fixture.source, fixture.draft)
    expect(d.targets.map((t) => t.description.replace(/（.*）$/, '')).sort()).toEqual([...fixture.expectedTargets].sort())
  })

  it('lists entries in the draft order with removals where they were', () => {
    const d = diffPlans(fixture.source, fixture.draft)
    const newNumbers = d.items.filter((e) => e.new.length).map((e) => e.new[0].number)
    expect(newNumbers).toEqual([...newNumbers].sort((a, b) => a - b))
    const i26 = d.items.findIndex((e) => e.kind === 'removed' && e.old[0].number === 26)
    expect(d.items[i26 - 1].old.map((r) => r.number)).toEqual([25])
  })
})

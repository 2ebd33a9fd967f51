import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { diffText } from '../../../shared/diff/diffText.ts'
import { printedText } from '../../../shared/diff/itemRef.ts'
import type { ItemDiff, TextSpan } from '../../../shared/diff/types.ts'
import { seedDraft, type SeedDraft } from './fixtures/seedDraft.ts'

let fixture: SeedDraft
beforeAll(() => {
  fixture = seedDraft()
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** Entries whose text was diffed (both sides present and different). */
function diffed(items: ItemDiff[]): ItemDiff[] {
  return items.filter((e) => e.old.length && e.new.length && e.reworded)
}

function side(spans: TextSpan[], which: 'old' | 'new'): string {
  return spans
    .filter((s) => s.op === 'equal' || s.op === (which === 'old' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('')
}

function texts(e: ItemDiff): [string, string] {
  return [e.old.map(printedText).join('\n'), e.new.map(printedText).join('\n')]
}

describe('the diff counts work, not time', () => {
  it('gives the same diff when every clock reading is a second later than the last', () => {
    const quiet = diffPlans(fixture.source, fixture.draft)
    let t = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000))
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 1000))
    const slow = diffPlans(fixture.source, fixture.draft)
    expect(slow).toEqual(quiet)
    expect(slow.timedOut).toBe(false)
  })

  it('shows every change that needs work as one replacement between the common head and tail when the plan has none to spend', () => {
    const full = diffPlans(fixture.source, fixture.draft)
    const d = diffPlans(fixture.source, fixture.draft, { planWork: 0 })
    expect(d.timedOut).toBe(true)
    const changed = diffed(d.items)
    expect(changed.length).toBeGreaterThan(5)
    diffed(full.items).forEach((fullEntry, i) => {
      const e = changed[i]
      const [a, b] = texts(e)
      if (diffText(a, b).work === 0) return expect(e).toEqual(fullEntry)
      expect(e.diffTimedOut).toBe(true)
      expect(e.spans.map((s) => s.op).join(' ')).toMatch(/^(equal )?delete insert( equal)?$/)
      expect(side(e.spans, 'old')).toBe(a)
      expect(side(e.spans, 'new')).toBe(b)
    })
    expect(d.items.filter((e) => e.kind === 'unchanged').every((e) => !e.diffTimedOut && e.spans.every((s) => s.op === 'equal'))).toBe(true)
  })

  it('spends the plan budget in document order: what came before it ran out keeps its full diff', () => {
    const { source, draft } = fixture
    const full = diffPlans(source, draft)
    const changed = diffed(full.items)
    // Enough work for the title, the preamble and the first three changed items exactly; the fourth has none left.
    const opening = diffText(source.title, draft.title).work + diffText(source.preamble.join('\n'), draft.preamble.join('\n')).work
    const needed = changed.slice(0, 3).reduce((sum, e) => sum + diffText(...texts(e)).work, opening)
    const limited = diffPlans(fixture.source, fixture.draft, { planWork: needed })
    const limitedChanged = diffed(limited.items)
    expect(limited.title).toEqual(full.title)
    expect(limitedChanged.slice(0, 3)).toEqual(changed.slice(0, 3))
    expect(
      limitedChanged
        .slice(3)
        .filter((e) => diffText(...texts(e)).work > 0)
        .every((e) => e.diffTimedOut),
    ).toBe(true)
    expect(limited.timedOut).toBe(true)
    expect(diffPlans(fixture.source, fixture.draft, { planWork: needed })).toEqual(limited)
  })

  it('limits each item on its own: only items that need more than the item limit are replaced', () => {
    const full = diffPlans(fixture.source, fixture.draft)
    const works = diffed(full.items).map((e) => diffText(...texts(e)).work)
    const limit = [...works].sort((a, b) => a - b)[Math.floor(works.length / 2)]
    const limited = diffed(diffPlans(fixture.source, fixture.draft, { itemWork: limit }).items)
    expect(limited.map((e) => e.diffTimedOut)).toEqual(works.map((w) => w > limit))
  })
})

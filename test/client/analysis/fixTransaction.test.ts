import type { JSONContent } from '@tiptap/core'
import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { fixRange } from '../../../client/analysis/fixRange.ts'
import { fixTransaction } from '../../../client/analysis/fixTransaction.ts'
import { applyFix } from '../../../shared/checks/applyFix.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import type { CheckFix } from '../../../shared/checks/types.ts'
import { planToPm } from '../../../shared/editor/convert/planToPm.ts'
import { pmToPlan } from '../../../shared/editor/convert/pmToPlan.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { carryForward } from '../../../shared/plan/carryForward.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'
import { planState } from '../../utils/pmState.ts'

const stateOf = (json: JSONContent): EditorState => EditorState.create({ schema: planSchema(), doc: PMNode.fromJSON(planSchema(), json) })
const planOfState = (state: EditorState, meta: Plan['meta']): Plan => pmToPlan(state.doc.toJSON(), meta)

function draftWithFixes(): { plan: Plan; fixes: CheckFix[] } {
  const seed = districtSeed()
  const plan = carryForward(seed)
  const fixes = runChecks(plan, { prior: seed, municipal: municipalSeed() }).flatMap((f) => (f.fix ? [f.fix] : []))
  return { plan, fixes }
}

describe('fixTransaction', () => {
  it('edits the editor document exactly as applyFix edits the plan, for every fix on the carried-forward seed draft', () => {
    const { plan, fixes } = draftWithFixes()
    // The preamble, two item bodies (12 and 25): fields of each kind the editor maps differently.
    expect(new Set(fixes.map((f) => f.field))).toEqual(new Set(['preamble', 'body']))
    for (const fix of fixes) {
      const state = planState(plan)
      const result = fixTransaction(state, [fix])
      expect(result?.applied).toBe(1)
      const expected = applyFix(plan, fix)
      expect(expected).not.toBeNull()
      expect(planOfState(state.apply(result!.tr), plan.meta)).toEqual(pmToPlan(planToPm(expected!), plan.meta))
    }
  })

  it('applies several fixes in one transaction, last first, so earlier positions stay right', () => {
    const { plan, fixes } = draftWithFixes()
    const state = planState(plan)
    const result = fixTransaction(state, fixes)
    expect(result?.applied).toBe(fixes.length)
    const expected = fixes.reduce<Plan>((p, f) => applyFix(p, f) ?? p, plan)
    expect(planOfState(state.apply(result!.tr), plan.meta)).toEqual(pmToPlan(planToPm(expected), plan.meta))
  })

  it('fixes the lead sentence and the plan title', () => {
    const plan: Plan = {
      title: '2021年工作要点',
      preamble: [],
      meta: { year: 2025 },
      sections: [{ id: 's', heading: '一', intro: [], items: [{ id: 'a', title: '开展2021年科技节。', body: '' }], subsections: [] }],
    }
    const fixes = runChecks(plan).flatMap((f) => (f.fix ? [f.fix] : []))
    expect(fixes.map((f) => f.field).sort()).toEqual(['planTitle', 'title'])
    const state = planState(plan)
    const result = fixTransaction(state, fixes)!
    const after = state.apply(result.tr)
    const next = planOfState(after, plan.meta)
    expect(next.title).toBe('2025年工作要点')
    expect(next.sections[0].items[0].title).toBe('开展2025年科技节。')
    // `changed` is the first edit in the new text (the title's year), for the editor to scroll to.
    expect(after.doc.textBetween(result.changed.from, result.changed.to)).toBe('2025')
    expect(after.doc.resolve(result.changed.from).parent.type.name).toBe('planTitle')
  })

  it('counts body offsets over non-empty paragraphs only, as pmToPlan does', () => {
    const plan: Plan = {
      title: '2025年工作要点',
      preamble: [],
      meta: { year: 2025 },
      sections: [{ id: 's', heading: '一', intro: [], items: [{ id: 'a', title: '科技节。', body: '第一段。\n开展2021年科技节。' }], subsections: [] }],
    }
    const [finding] = runChecks(plan).filter((f) => f.kind === 'stale-year')
    const json = planToPm(plan)
    // An empty paragraph between the two body paragraphs, as an editor may hold while someone types.
    const item = json.content?.find((n) => n.type === 'section')?.content?.find((n) => n.type === 'item')
    item?.content?.splice(2, 0, { type: 'paragraph' })
    const state = stateOf(json)
    const range = fixRange(state.doc, finding.fix!)
    expect(range && state.doc.textBetween(range.from, range.to)).toBe('2021')
  })

  it('refuses a fix whose text changed since the check ran, and a second fix over the same words', () => {
    const { plan, fixes } = draftWithFixes()
    const fix = fixes.find((f) => f.field === 'body')!
    const state = planState(plan)
    const range = fixRange(state.doc, fix)!
    const edited = state.apply(state.tr.insertText('2023', range.from, range.to))
    expect(fixRange(edited.doc, fix)).toBeNull()
    expect(fixTransaction(edited, [fix])).toBeNull()
    expect(fixTransaction(state, [fix, fix])?.applied).toBe(1)
    expect(fixRange(state.doc, { ...fix, itemId: 'gone' })).toBeNull()
  })
})

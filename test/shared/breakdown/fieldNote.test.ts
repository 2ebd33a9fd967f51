import { describe, expect, it } from 'vitest'
import { fieldNote, fieldsInReview, withFieldNotes } from '../../../shared/breakdown/fieldNote.ts'
import { extractItemNotes } from '../../../shared/breakdown/notes.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import { breakdownPlan } from '../../server/export/breakdownPlan.ts'

describe('the 任务分解 note printed after an item', () => {
  it('lists the filled fields in the order plans print them, and nothing for an item without fields', () => {
    expect(fieldNote({ deadline: '2025年6月底', lead: ['基教科', '德育科'], support: ['计财科'] })).toBe('（牵头科室：基教科、德育科；配合科室：计财科；完成时限：2025年6月底）')
    expect(fieldNote({ lead: ['组干科'], leader: '王明', person: '李娜' })).toBe('（牵头科室：组干科；分管领导：王明；责任人：李娜）')
    expect(fieldNote({})).toBeNull()
    expect(fieldNote(undefined)).toBeNull()
  })

  it('ends each item’s body with its note without changing the plan it was given, and import reads the notes back into the same fields', () => {
    const plan = breakdownPlan(20)
    const printed = withFieldNotes(plan)
    expect(allItems(plan)[0].body).not.toContain('牵头科室')
    const [first] = allItems(printed)
    expect(first.body.split('\n').at(-1)).toBe('（牵头科室：基教科、组干科；分管领导：王明；完成时限：2025年6月底）')
    for (const [i, item] of allItems(printed).entries()) {
      const back = extractItemNotes({ ...item, breakdown: undefined })
      expect(back.breakdown, `item ${i + 1}`).toEqual(allItems(plan)[i].breakdown)
      expect(back.body).toBe(allItems(plan)[i].body)
    }
  })
})

describe('任务分解 fields in the review diff', () => {
  it('shows a changed 牵头科室 or 完成时限 as a change of the item, and adds nothing while either side has no fields', () => {
    const before = breakdownPlan(6)
    const after = structuredClone(before)
    const item = allItems(after)[1]
    item.breakdown = { ...item.breakdown, lead: ['计财科'], deadline: '第三季度' }
    const diff = diffPlans(...fieldsInReview(before, after))
    expect(diff.summary.changed).toBe(1)
    const changed = diff.items.find((d) => d.kind !== 'unchanged')
    expect(changed?.new[0].number).toBe(2)
    const text = (op: string): string =>
      (changed?.spans ?? [])
        .filter((s) => s.op === op)
        .map((s) => s.text)
        .join('|')
    expect(text('delete')).toMatch(/德育/)
    expect(text('insert')).toMatch(/计财/)
    expect(text('insert')).toMatch(/三/)
    // A plan without any field (last year's) against one with fields: no item reads as changed for the fields.
    const bare = structuredClone(before)
    for (const i of allItems(bare)) delete i.breakdown
    expect(diffPlans(...fieldsInReview(bare, after)).summary.changed).toBe(0)
  })
})

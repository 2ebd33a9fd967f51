import { describe, expect, it } from 'vitest'
import { fieldNote, withFieldNotes } from '../../../shared/breakdown/fieldNote.ts'
import { extractItemNotes } from '../../../shared/breakdown/notes.ts'
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

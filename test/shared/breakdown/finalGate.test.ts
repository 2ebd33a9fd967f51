import { describe, expect, it } from 'vitest'
import { finalRefusal, unassignedItems } from '../../../shared/breakdown/finalGate.ts'
import { breakdownPlan } from '../../server/export/breakdownPlan.ts'

describe('the items that hold back 定稿', () => {
  it('lists items without 牵头科室 or 完成时限 and names at most five in the refusal', () => {
    const plan = breakdownPlan(10)
    const items = plan.sections.flatMap((s) => [...s.items, ...s.subsections.flatMap((u) => u.items)])
    for (const item of items.slice(0, 7)) item.breakdown = { deadline: '全年' }
    expect(unassignedItems(plan).map((i) => [i.number, i.missing])).toEqual(Array.from({ length: 7 }, (_, n) => [n + 1, ['牵头科室']]))
    expect(finalRefusal(unassignedItems(plan))).toMatch(/^还有 7 条未填牵头科室或完成时限，不能定稿：第1条.*第5条“第5项重点任务要加强统筹推进”缺牵头科室等 7 条。/)
  })

  it('holds back nothing when every item has both, and every item of a plan nobody has broken down', () => {
    const plan = breakdownPlan(6)
    expect(unassignedItems(plan)).toEqual([])
    expect(finalRefusal([])).toBeNull()
    for (const s of plan.sections) for (const item of [...s.items, ...s.subsections.flatMap((u) => u.items)]) delete item.breakdown
    expect(unassignedItems(plan).map((i) => [i.number, i.missing])).toEqual(Array.from({ length: 6 }, (_, n) => [n + 1, ['牵头科室', '完成时限']]))
  })
})

import { describe, expect, it } from 'vitest'
import { breakdownFields } from '../../../shared/checks/breakdownFields.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import type { ItemBreakdown, Plan } from '../../../shared/plan/types.ts'

function plan(fields: Array<ItemBreakdown | undefined>, meta: Plan['meta'] = { year: 2025 }): Plan {
  return {
    title: '2025年某区教育工作要点',
    preamble: [],
    meta,
    sections: [{ id: 's', heading: '重点工作', intro: [], subsections: [], items: fields.map((b, i) => ({ id: `i${i}`, title: `第${i + 1}项任务。`, body: '具体措施。', ...(b ? { breakdown: b } : {}) })) }],
  }
}
const run = (p: Plan): Array<[string, number | undefined]> => runChecks(p, {}, [breakdownFields]).map((f) => [f.kind, f.number])

describe('任务分解 checks', () => {
  it('says nothing about a plan whose breakdown has not begun', () => {
    expect(run(plan([undefined, undefined]))).toEqual([])
  })

  it('names items without 牵头科室 or 完成时限 once the breakdown has begun', () => {
    const findings = runChecks(plan([{ lead: ['基教科'], deadline: '全年' }, { lead: ['德育科'] }, undefined]), {}, [breakdownFields])
    expect(findings.map((f) => [f.kind, f.number, f.message])).toEqual([
      ['breakdown-missing', 2, '第2条未填完成时限'],
      ['breakdown-missing', 3, '第3条未填牵头科室和完成时限'],
    ])
  })

  it('flags a deadline outside the plan year, or outside a half-year plan’s period, and notes one it cannot read', () => {
    expect(
      run(
        plan([
          { lead: ['甲科'], deadline: '2024年12月底' },
          { lead: ['乙科'], deadline: '2024年9月—2025年7月' },
          { lead: ['丙科'], deadline: '2025年6月底' },
          { lead: ['丁科'], deadline: '按上级要求' },
          { lead: ['戊科'], deadline: '长期' },
        ]),
      ),
    ).toEqual([
      ['deadline-outside', 1],
      ['deadline-outside', 2],
      ['deadline-text', 4],
    ])
    expect(
      run(
        plan(
          [
            { lead: ['甲科'], deadline: '第四季度' },
            { lead: ['乙科'], deadline: '5月底' },
            { lead: ['丙科'], deadline: '全年' },
          ],
          { year: 2025, period: '上半年' },
        ),
      ),
    ).toEqual([['deadline-outside', 1]])
  })

  it('hints when one department leads more than 40% of the items that have a lead', () => {
    const many = (name: string, n: number): ItemBreakdown[] => Array.from({ length: n }, () => ({ lead: [name], deadline: '全年' }))
    const findings = runChecks(plan([...many('基教科', 5), ...many('德育科', 3), ...many('计财科', 2)]), {}, [breakdownFields])
    expect(findings.map((f) => [f.kind, f.severity, f.message])).toEqual([['lead-imbalance', 'info', '基教科牵头 5 条，占已分解条目的 50%，任务是否过于集中？']])
    expect(run(plan([...many('基教科', 4), ...many('德育科', 3), ...many('计财科', 3)]))).toEqual([])
  })
})

describe('departments not on the bureau’s list', () => {
  it('flags a 牵头 or 配合 name that is not on the list, keeping it, and says nothing without a list', () => {
    const p = plan([
      { lead: ['基教科'], support: ['德育科', '宣传科'], deadline: '全年' },
      { lead: ['基础教育科'], deadline: '全年' },
    ])
    const findings = runChecks(p, { departments: ['基教科', '德育科', '计财科'] }, [breakdownFields])
    expect(findings.map((f) => [f.kind, f.number, f.message])).toEqual([
      ['unknown-department', 1, '第1条的“宣传科”不在本局科室名单中，请核对名称'],
      ['unknown-department', 2, '第2条的“基础教育科”不在本局科室名单中，请核对名称'],
    ])
    expect(run(p)).toEqual([])
  })
})

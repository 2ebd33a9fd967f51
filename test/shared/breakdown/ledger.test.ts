import { describe, expect, it } from 'vitest'
import { groupByDepartment, groupByStatus, groupLedger, isOverdue, ledgerRows, ledgerSummary, NO_LEAD } from '../../../shared/breakdown/ledger.ts'
import type { ProgressReport, ProgressStatus, Quarter } from '../../../shared/breakdown/progress.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'

/** A 2025 plan with one item per deadline, each led by the given 科室. */
function plan(items: Array<[deadline: string, lead: string[]]>): Plan {
  const list: PlanItem[] = items.map(([deadline, lead], i) => ({ id: `i${i}`, title: `第${i + 1}项任务。`, body: '', breakdown: { ...(lead.length ? { lead } : {}), ...(deadline ? { deadline } : {}) } }))
  return { title: '2025年某区教育工作要点', preamble: [], meta: { year: 2025 }, sections: [{ id: 's0', heading: '重点任务', intro: [], items: list, subsections: [] }] }
}

function report(itemId: string, status: ProgressStatus, at: string, quarter: Quarter = 2): ProgressReport {
  return { id: `p-${itemId}-${at}`, itemId, quarter, status, note: '', at, by: { id: 'u', name: '李娜', department: '基教科' } }
}

describe('the overdue rule of the 台账', () => {
  it('marks an item overdue from the day after its deadline, for every kind of deadline that names a last day', () => {
    const cases: Array<[string, string]> = [
      ['2025年6月30日', '2025-06-30'],
      ['2025年6月', '2025-06-30'],
      ['第二季度', '2025-06-30'],
      ['上半年', '2025-06-30'],
      ['全年', '2025-12-31'],
    ]
    for (const [deadline, lastDay] of cases) {
      const on = ledgerRows(plan([[deadline, ['基教科']]]), [], lastDay)[0]
      const after = ledgerRows(plan([[deadline, ['基教科']]]), [], nextDay(lastDay))[0]
      expect(on.overdue, `${deadline} on ${lastDay}`).toBe(false)
      expect(after.overdue, `${deadline} after ${lastDay}`).toBe(true)
    }
  })

  it('never marks 长期, an unreadable deadline or a missing one overdue', () => {
    const rows = ledgerRows(
      plan([
        ['长期', ['基教科']],
        ['按上级要求', ['基教科']],
        ['', ['基教科']],
      ]),
      [],
      '2099-01-01',
    )
    expect(rows.map((r) => r.overdue)).toEqual([false, false, false])
  })

  it('does not count an item whose latest report is 已完成, but does when a later report says otherwise', () => {
    const p = plan([['第一季度', ['基教科']]])
    expect(ledgerRows(p, [report('i0', 'done', '2025-03-20T02:00:00Z', 1)], '2025-05-01')[0].overdue).toBe(false)
    const reopened = [report('i0', 'done', '2025-03-20T02:00:00Z', 1), report('i0', 'difficult', '2025-04-02T02:00:00Z')]
    expect(ledgerRows(p, reopened, '2025-05-01')[0]).toMatchObject({ overdue: true, status: 'difficult' })
  })

  it('compares days only, so a full timestamp for today works as well as a day', () => {
    expect(isOverdue('2025-06-30', undefined, '2025-06-30T23:59:59+08:00')).toBe(false)
    expect(isOverdue('2025-06-30', 'in-progress', '2025-07-01T00:00:00+08:00')).toBe(true)
    expect(isOverdue(undefined, undefined, '2099-01-01')).toBe(false)
  })
})

describe('grouping the 台账', () => {
  const p = plan([
    ['第一季度', ['基教科']],
    ['全年', ['德育科', '基教科']],
    ['长期', []],
    ['上半年', ['德育科']],
    ['第三季度', ['安全科']],
  ])
  const reports = [
    report('i0', 'in-progress', '2025-04-01T02:00:00Z'),
    report('i1', 'done', '2025-04-02T02:00:00Z'),
    report('i3', 'difficult', '2025-05-01T02:00:00Z'),
    report('i3', 'in-progress', '2025-05-09T02:00:00Z'),
  ]
  const rows = ledgerRows(p, reports, '2025-07-15')

  it('puts each item under its latest status in the order 未启动, 推进中, 已完成, 有困难, 未填报, leaving out empty statuses', () => {
    const groups = groupByStatus(rows)
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.number), g.overdue])).toEqual([
      ['推进中', [1, 4], 2],
      ['已完成', [2], 0],
      ['未填报', [3, 5], 0],
    ])
  })

  it('puts each item under every 牵头科室 it has, in the bureau list order, with items without a lead last', () => {
    const groups = groupByDepartment(rows, ['德育科', '基教科'])
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.number)])).toEqual([
      ['德育科', [2, 4]],
      ['基教科', [1, 2]],
      ['安全科', [5]],
      [NO_LEAD, [3]],
    ])
    expect(
      groupLedger(rows, 'department')
        .map((g) => g.label)
        .at(-1),
    ).toBe(NO_LEAD)
    expect(groupLedger(rows, 'status')).toEqual(groupByStatus(rows))
  })

  it('counts items, overdue items and items per status for the top of the page', () => {
    expect(ledgerSummary(rows)).toEqual({ total: 5, overdue: 2, byStatus: { 'not-started': 0, 'in-progress': 2, done: 1, difficult: 0, unreported: 2 } })
  })
})

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

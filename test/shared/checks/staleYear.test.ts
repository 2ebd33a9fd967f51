import { describe, expect, it } from 'vitest'
import { applyFix } from '../../../shared/checks/applyFix.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import { staleYear } from '../../../shared/checks/staleYear.ts'
import { item, planOf } from '../align/helpers.ts'

const check = (plan: Parameters<typeof runChecks>[0], year?: number) => runChecks(plan, year === undefined ? {} : { year }, [staleYear])

describe('staleYear', () => {
  it('flags a past year in a draft for a later year and offers to replace it', () => {
    const plan = planOf([item('开展青少年科技节。', '组织开展2021年闵行区青少年科技节。', 'a')], { year: 2025 })
    const [f] = check(plan)
    expect(f).toMatchObject({ kind: 'stale-year', itemId: 'a', number: 1, severity: 'warning' })
    expect(f.message).toContain('2021年')
    expect(f.fix).toMatchObject({ label: '改为2025年', field: 'body', remove: '2021', insert: '2025' })
    expect(applyFix(plan, f.fix!)?.sections[0].items[0].body).toBe('组织开展2025年闵行区青少年科技节。')
  })

  it('leaves the plan year, later years, ranges and comparisons alone', () => {
    const plan = planOf([item('推进建设。', '2025年完成建设，力争在2026年将规模降至6%。落实《三年行动计划（2024—2026年）》。较2024年增长10%。自2023年以来持续推进。', 'a')], { year: 2025 })
    expect(check(plan)).toEqual([])
  })

  it('treats a past year in the plan title as an error', () => {
    const plan = planOf([], { year: 2025 }, '2021年下半年闵行教育工作要点')
    expect(check(plan)).toMatchObject([{ kind: 'stale-year', severity: 'error', fix: { field: 'planTitle', insert: '2025' } }])
  })

  it('reads the preamble too, and its fix edits that paragraph only', () => {
    const plan = { ...planOf([], { year: 2022 }, '2022年工作要点'), preamble: ['围绕中心工作。', '2021年是“十四五”开局之年，较2020年有所增长。'] }
    const findings = check(plan)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'stale-year', field: 'preamble', paragraph: 1, severity: 'warning', fix: { field: 'preamble', paragraph: 1, index: 0, remove: '2021', insert: '2022' } })
    expect(findings[0].message).toContain('前言第2段')
    expect(findings[0].itemId).toBeUndefined()
    expect(applyFix(plan, findings[0].fix!)?.preamble).toEqual(['围绕中心工作。', '2022年是“十四五”开局之年，较2020年有所增长。'])
    // A paragraph that changed since the check ran is not edited.
    expect(applyFix({ ...plan, preamble: ['围绕中心工作。', '本年是开局之年。'] }, findings[0].fix!)).toBeNull()
  })

  it('takes the year from the option, then the metadata, then the title', () => {
    const body = '完成2024年预算编制。'
    expect(check(planOf([item('预算。', body)], { year: 2025 }))).toHaveLength(1)
    expect(check(planOf([item('预算。', body)], { year: 2024 }))).toHaveLength(0)
    expect(check(planOf([item('预算。', body)], {}, '2025年工作要点'))).toHaveLength(1)
    expect(check(planOf([item('预算。', body)], { year: 2025 }), 2024)).toHaveLength(0)
    expect(check(planOf([item('预算。', body)], {}, '工作要点'))).toEqual([])
  })
})

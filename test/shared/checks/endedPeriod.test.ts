import { describe, expect, it } from 'vitest'
import { endedPeriod } from '../../../shared/checks/endedPeriod.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import { item, planOf } from '../align/helpers.ts'

const check = (body: string, year: number) => runChecks(planOf([item('推进规划。', body, 'a')], { year }), {}, [endedPeriod])

describe('endedPeriod', () => {
  it('flags a period that ended before the plan year', () => {
    const [f] = check('规范学校教育收费，开展2021-2022学年规范收费检查。', 2025)
    expect(f).toMatchObject({ kind: 'ended-period', number: 1, severity: 'warning' })
    expect(f.message).toContain('2022年结束')
    expect(f.fix).toBeUndefined()
  })

  it('only notes an ended period inside a cited document title', () => {
    expect(check('落实《闵行区学前教育三年行动计划（2020-2022年）》。', 2025)).toMatchObject([{ severity: 'info' }])
  })

  it('flags a five-year plan that has ended, not the current one', () => {
    expect(check('落实“十三五”规划任务。', 2025)).toHaveLength(1)
    expect(check('落实“十四五”规划任务。', 2025)).toHaveLength(0)
    expect(check('落实“十四五”规划任务。', 2026)).toHaveLength(1)
  })

  it('points at the words themselves, so a click selects them: the period, or the five-year plan without its quotation marks', () => {
    const body = '规范学校教育收费，开展2021-2022学年规范收费检查，总结“十三五”经验。'
    const spots = check(body, 2025).map((f) => f.spot)
    expect(spots).toEqual([
      { itemId: 'a', field: 'body', index: body.indexOf('2021'), remove: '2021-2022学年' },
      { itemId: 'a', field: 'body', index: body.indexOf('十三五'), remove: '十三五' },
    ])
  })

  it('leaves running periods alone', () => {
    expect(check('实施《托育服务三年行动计划（2024-2026）》，做好2025-2026学年招生。', 2025)).toEqual([])
  })
})

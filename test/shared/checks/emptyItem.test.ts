import { describe, expect, it } from 'vitest'
import { emptyItem } from '../../../shared/checks/emptyItem.ts'
import { missingLead } from '../../../shared/checks/missingLead.ts'
import { overLong, OVER_LONG_CHARS } from '../../../shared/checks/overLong.ts'
import { applyFix } from '../../../shared/checks/applyFix.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import { item, planOf } from '../align/helpers.ts'

describe('emptyItem', () => {
  it('reports an empty item as an error and a one-sentence item as a warning', () => {
    const plan = planOf([item('', '', 'a'), item('加强学校安全管理。', '', 'b'), item('', '强化校园安全管理。', 'c'), item('加强学校安全管理。', '强化校园安全管理。落实常态化安全监管。', 'd')])
    expect(runChecks(plan, {}, [emptyItem]).map((f) => [f.itemId, f.kind, f.severity])).toEqual([
      ['a', 'empty-item', 'error'],
      ['b', 'one-sentence', 'warning'],
      ['c', 'one-sentence', 'warning'],
    ])
  })
})

describe('missingLead', () => {
  it('reports an item whose body has no lead sentence before it', () => {
    const plan = planOf([item('', '强化校园安全管理，落实常态化安全监管。', 'a')])
    expect(runChecks(plan, {}, [missingLead])).toMatchObject([{ kind: 'missing-lead', itemId: 'a', severity: 'warning' }])
  })

  it('offers to end a lead sentence with 。', () => {
    const plan = planOf([item('加强学校安全管理', '强化校园安全管理。', 'a'), item('推进依法治教。', '组织申报。', 'b')])
    const findings = runChecks(plan, {}, [missingLead])
    expect(findings).toHaveLength(1)
    expect(applyFix(plan, findings[0].fix!)?.sections[0].items[0].title).toBe('加强学校安全管理。')
  })

  it('refuses a fix whose text has changed since the check ran', () => {
    const plan = planOf([item('加强学校安全管理', '强化校园安全管理。', 'a')])
    const [f] = runChecks(plan, {}, [missingLead])
    plan.sections[0].items[0].title = '推进依法治教工作'
    expect(applyFix(plan, f.fix!)).toBeNull()
    expect(applyFix(planOf([]), f.fix!)).toBeNull()
  })
})

describe('overLong', () => {
  it('suggests splitting an item longer than the limit', () => {
    const long = '完善各项财务内控规范。'.repeat(Math.ceil(OVER_LONG_CHARS / 10) + 1)
    const plan = planOf([item('促进财务精细化管理。', long, 'a'), item('推进依法治教。', '组织申报依法治校示范校。', 'b')])
    expect(runChecks(plan, {}, [overLong])).toMatchObject([{ kind: 'over-long', itemId: 'a', severity: 'info' }])
  })
})

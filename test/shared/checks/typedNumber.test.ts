import { describe, expect, it } from 'vitest'
import { applyFix } from '../../../shared/checks/applyFix.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const plan = (title: string, body = ''): Plan => ({
  title: '2026年工作要点',
  preamble: [],
  meta: {},
  sections: [
    {
      id: 's1',
      heading: '加强管理',
      intro: [],
      subsections: [],
      items: [
        { id: 'i1', title, body },
        { id: 'i2', title: '做好统筹。', body: '全年推进。' },
      ],
    },
  ],
})

describe('the typed-number check', () => {
  it('finds a number typed before a lead sentence (it would print 10.10.) and removes it as a fix', () => {
    const [finding] = runChecks(plan('10.深化教育评价改革。', '推进改革。')).filter((f) => f.kind === 'typed-number')
    expect(finding).toMatchObject({ itemId: 'i1', number: 1, severity: 'warning' })
    expect(finding.message).toContain('“10.”')
    expect(finding.fix).toMatchObject({ field: 'title', index: 0, remove: '10.', insert: '' })
    expect(applyFix(plan('10.深化教育评价改革。'), finding.fix!)?.sections[0].items[0].title).toBe('深化教育评价改革。')
  })

  it('finds body paragraphs that start with a number (items pasted into another item), without a fix', () => {
    const findings = runChecks(plan('深化改革。', '推进改革。\n11.新增粘贴条目一。\n12.新增粘贴条目二。')).filter((f) => f.kind === 'typed-number')
    expect(findings).toHaveLength(1)
    expect(findings[0].message).toContain('11.新增粘贴条目一')
    expect(findings[0].fix).toBeUndefined()
  })

  it('leaves years, figures and plain sentences alone', () => {
    for (const [title, body] of [
      ['2026年实现全覆盖。', '3.5%的增长不是编号。'],
      ['深化改革。', '一是加强统筹；二是压实责任。'],
    ])
      expect(
        runChecks(plan(title, body)).filter((f) => f.kind === 'typed-number'),
        title,
      ).toEqual([])
  })
})

describe('the placeholder check', () => {
  it('finds template filler left in the notice, preamble and items', () => {
    const p: Plan = {
      ...plan('推进改革。', '（写本条的具体任务和目标）'),
      preamble: ['××××年是……（写年度背景、指导思想）。'],
      notice: { addressee: '各学校', body: ['现印发。'], issuer: '上海市××区教育局', date: '××××年×月×日' },
    }
    const findings = runChecks(p).filter((f) => f.kind === 'placeholder')
    expect(findings.map((f) => f.field ?? f.number)).toEqual(['notice', 'preamble', 1])
    expect(findings[0].message).toContain('××')
  })

  it('is quiet on a finished plan', () => {
    expect(runChecks(plan('推进改革。', '确保50%以上学校开设课程（含职业学校）。')).filter((f) => f.kind === 'placeholder')).toEqual([])
  })
})

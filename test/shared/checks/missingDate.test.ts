import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const base: Plan = { title: '2026年工作要点', preamble: [], meta: {}, sections: [] }

describe('the missing-date check', () => {
  it('says a cover notice without a date is missing its 成文日期', () => {
    const findings = runChecks({ ...base, notice: { addressee: '各校', body: ['现印发。'], issuer: '区教育局' } }).filter((f) => f.kind === 'missing-date')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ field: 'notice', severity: 'warning' })
    expect(findings[0]?.message).toContain('成文日期')
  })

  it('says so for a closing without a date too', () => {
    const findings = runChecks({ ...base, closing: { issuer: '区教育局', date: ' ' } }).filter((f) => f.kind === 'missing-date')
    expect(findings.map((f) => f.field)).toEqual(['closing'])
  })

  it('is quiet when the dates are there, or there is no notice or closing', () => {
    expect(runChecks(base).filter((f) => f.kind === 'missing-date')).toEqual([])
    const dated = { ...base, notice: { addressee: '各校', body: [], date: '2026年3月5日' }, closing: { date: '2026年3月5日' } }
    expect(runChecks(dated).filter((f) => f.kind === 'missing-date')).toEqual([])
  })
})

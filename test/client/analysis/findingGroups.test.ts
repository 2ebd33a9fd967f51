import { describe, expect, it } from 'vitest'
import { findingPlace, findingText, kindCounts, severityCounts } from '../../../client/analysis/findingGroups.ts'
import type { Finding } from '../../../shared/checks/types.ts'

const f = (kind: Finding['kind'], severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({ kind, severity, message: '…', ...extra })

describe('finding groups', () => {
  it('counts findings by kind in the order of the checks, each with its worst severity and its own name', () => {
    const findings = [f('near-duplicate', 'warning'), f('stale-year', 'warning'), f('stale-year', 'error'), f('one-sentence', 'warning'), f('empty-item', 'error'), f('one-sentence', 'warning')]
    expect(kindCounts(findings)).toEqual([
      { kind: 'stale-year', label: '过时年份', count: 2, severity: 'error' },
      { kind: 'empty-item', label: '空条目', count: 1, severity: 'error' },
      { kind: 'one-sentence', label: '只有一句', count: 2, severity: 'warning' },
      { kind: 'near-duplicate', label: '重复条目', count: 1, severity: 'warning' },
    ])
    expect(severityCounts(findings)).toEqual({ error: 2, warning: 4, info: 0 })
    expect(kindCounts([])).toEqual([])
  })

  it('tags where a finding is and drops that place from its sentence', () => {
    const item = f('stale-year', 'warning', { number: 12, message: '第12条提到“2021年”，本计划是2022年的' })
    expect([findingPlace(item), findingText(item)]).toEqual(['第12条', '提到“2021年”，本计划是2022年的'])
    const preamble = f('stale-year', 'warning', { field: 'preamble', paragraph: 0, message: '前言第1段提到“2021年”' })
    expect([findingPlace(preamble), findingText(preamble)]).toEqual(['前言', '提到“2021年”'])
    const title = f('stale-year', 'error', { field: 'planTitle', message: '计划标题提到“2021年”' })
    expect([findingPlace(title), findingText(title)]).toEqual(['标题', '提到“2021年”'])
    const repeated = f('repeated-sentence', 'info', { number: 25, message: '第25条中的“加快筹建”与第9条重复' })
    expect(findingText(repeated)).toBe('“加快筹建”与第9条重复')
    // A sentence that does not start with its place is left whole.
    expect(findingText(f('near-duplicate', 'warning', { number: 3, message: '与第2条高度相似' }))).toBe('与第2条高度相似')
  })
})

import { describe, expect, it } from 'vitest'
import { CHECKS, countByKind, kindLabel, runChecks } from '../../../shared/checks/runChecks.ts'
import { item, planOf } from '../align/helpers.ts'
import { loadSeeds } from '../align/seedMetrics.ts'

describe('runChecks', () => {
  it('runs every check and sorts findings by item number', () => {
    const plan = planOf([item('加强学校安全管理', '强化校园安全管理。落实安全监管。', 'a'), item('', '', 'b'), item('开展科技节。', '组织开展2021年青少年科技节。做好宣传。', 'c')], { year: 2025 })
    const findings = runChecks(plan)
    expect(findings.map((f) => f.number)).toEqual([1, 2, 3])
    expect(countByKind(findings)).toEqual({ 'missing-lead': 1, 'empty-item': 1, 'stale-year': 1 })
  })

  it('gives every kind a Chinese label', () => {
    for (const kind of CHECKS.flatMap((c) => c.kinds)) expect(kindLabel(kind)).toMatch(/[\u4e00-\u9fff]/)
  })

  it('finds on the district seed the 科学育儿指导 figure below the municipal one', () => {
    const { district, municipal } = loadSeeds()
    const findings = runChecks(district, { municipal })
    expect(findings.filter((f) => f.kind === 'municipal-figure').map((f) => f.number)).toEqual([3])
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { coverageSummary, uncoveredTaskGroups } from '../../../client/analysis/coverageGroups.ts'
import type { CoverageReport } from '../../../shared/align/coverage.ts'

const municipal = [
  { id: 'm1', number: 1, title: '思政。' },
  { id: 'm2', number: 2, title: '托育。' },
  { id: 'm3', number: 3, title: '改革。' },
]
const task = (m: number, text: string, covered: boolean) => ({ municipalId: `m${m}`, municipal: m, text, verdict: covered ? ('done' as const) : ('none' as const), covered, by: covered ? [4] : [] })
const report: CoverageReport = {
  links: [],
  uncovered: [{ id: 'm3', number: 3, title: '改革。' }],
  tasks: [task(1, '甲。', true), task(1, '乙。', false), task(2, '丙。', true), task(3, '丁。', false), task(3, '戊。', false)],
  unlinked: [{ id: 'd9', number: 9, title: '财务。' }],
  local: [{ id: 'd7', number: 7, title: '法治。' }],
  suspect: [],
}

describe('coverage groups', () => {
  it('groups the uncovered tasks under their municipal item, in the municipal order, with the item’s task count', () => {
    expect(uncoveredTaskGroups(report, municipal)).toEqual([
      { municipalId: 'm1', number: 1, title: '思政。', total: 2, uncovered: [report.tasks[1]] },
      { municipalId: 'm3', number: 3, title: '改革。', total: 2, uncovered: [report.tasks[3], report.tasks[4]] },
    ])
  })

  it('sums up the report', () => {
    expect(coverageSummary(report, 3, 10)).toEqual({ municipalTotal: 3, municipalCovered: 2, tasksTotal: 5, tasksCovered: 2, tasksPartial: 0, districtTotal: 10, unlinked: 1, local: 1, suspect: 0 })
  })
})

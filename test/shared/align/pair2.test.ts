import { describe, expect, it } from 'vitest'
import { pair2Metrics } from './pair2Metrics.ts'

// Floors measured on pair 2, a pair written apart from the seeds (README, "Checks and alignment").
describe('alignment on a district/municipal pair written apart from the samples', () => {
  const m = pair2Metrics()

  it('links each district item to the municipal item it carries out, and leaves local items unaligned', () => {
    expect(m.links.precision).toBeGreaterThanOrEqual(0.9)
    expect(m.links.recall).toBeGreaterThanOrEqual(0.9)
    expect(m.unaligned.hits).toBe(m.unaligned.of)
  })

  it('never calls a task 已落实 that the table calls 部分相关 or 未覆盖', () => {
    expect(m.tasks.overClaims.filter((o) => o.got === 'done')).toEqual([])
    expect(m.tasks.given.done.given).toBeGreaterThanOrEqual(10)
  })

  it('agrees with the hand-written verdict on at least three tasks in four, with the district sentence as evidence', () => {
    expect(m.tasks.agree / m.tasks.total).toBeGreaterThanOrEqual(0.75)
    const weaker = m.report.find((t) => t.text.includes('托班覆盖率达到50%'))
    expect(weaker).toMatchObject({ verdict: 'partial', by: [6] })
    expect(weaker?.evidence?.weaker).toContain('50% → 40%')
    const done = m.report.find((t) => t.text.includes('明厨亮灶'))
    expect(done).toMatchObject({ verdict: 'done', by: [13] })
    expect(done?.evidence?.sentence).toContain('明厨亮灶')
  })
})

import { describe, expect, it } from 'vitest'
import { alignPlans } from '../../../shared/align/alignPlans.ts'
import { loadSeeds, seedMetrics } from './seedMetrics.ts'

// The expected table (test/fixtures/align/seed-expected.json) was written by hand from the two texts.
const { district, municipal, expected } = loadSeeds()
const alignment = alignPlans(district, municipal)
const row = (n: number) => alignment.items[n - 1]

describe('alignment of the seed plans (district 2021H2 × municipal 2024)', () => {
  it('finds the plain counterparts named in the issue first', () => {
    expect(row(7).candidates[0]).toMatchObject({ number: 9, strong: true })
    expect(row(7).candidates[0].terms).toContain('“双减”')
    expect(row(13).candidates[0]).toMatchObject({ number: 3, strong: true })
    expect(row(18).candidates[0]).toMatchObject({ number: 16, strong: true })
  })

  it('reports finance, rule of law and administrative services unaligned', () => {
    for (const n of [25, 27, 30]) expect(row(n).aligned, `district item ${n}`).toBe(false)
  })

  it('ranks a genuine counterpart first for every district item that has one', () => {
    for (const e of expected.filter((x) => x.supports.length)) {
      expect(e.supports, `district item ${e.number} ${e.title}`).toContain(row(e.number).candidates[0]?.number)
    }
  })

  it('has every genuine counterpart among the first three candidates', () => {
    for (const e of expected) {
      const top3 = row(e.number).candidates.map((c) => c.number)
      for (const m of e.supports) expect(top3, `district item ${e.number} → municipal ${m}`).toContain(m)
    }
  })

  it('keeps precision and recall at the threshold above the measured floor', () => {
    const m = seedMetrics(alignment, expected, alignment.threshold)
    expect(m.atThreshold.recall).toBeGreaterThanOrEqual(0.95)
    expect(m.atThreshold.lenientPrecision).toBeGreaterThanOrEqual(0.9)
    expect(m.atThreshold.precision).toBeGreaterThanOrEqual(0.75)
    expect(m.unalignedCorrect.hits).toBeGreaterThanOrEqual(m.unalignedCorrect.of - 1)
  })

  it('explains each strong suggestion with at least one shared term', () => {
    for (const it of alignment.items) for (const c of it.candidates.filter((x) => x.strong)) expect(c.terms.length, `${it.number}→${c.number}`).toBeGreaterThan(0)
  })
})

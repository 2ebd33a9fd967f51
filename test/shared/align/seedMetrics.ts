// Precision and recall of the alignment on the two seeds against the hand-written table
// test/fixtures/align/seed-expected.json. Shared by the seed test and printSeedMetrics.ts.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importText } from '../../../shared/import/importText.ts'
import type { Alignment } from '../../../shared/align/alignPlans.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** One row of the expected table. */
export interface ExpectedItem {
  number: number
  title: string
  supports: number[]
  related: number[]
  reason: string
}

/** The two seed plans and the expected table. */
export function loadSeeds(): { district: Plan; municipal: Plan; expected: ExpectedItem[] } {
  const read = (p: string): string => readFileSync(root + p, 'utf8')
  const table = JSON.parse(read('test/fixtures/align/seed-expected.json')) as { district: string; municipal: string; items: ExpectedItem[] }
  return { district: importText(read(table.district)).plan, municipal: importText(read(table.municipal)).plan, expected: table.items }
}

/** Precision/recall of one way of picking predicted pairs. */
export interface PairMetrics {
  predicted: number
  correct: number
  /** Predicted pairs that are in `related` (not counted wrong by lenient precision). */
  relatedHits: number
  precision: number
  lenientPrecision: number
  recall: number
}

/** All figures for one threshold. */
export interface SeedMetrics {
  threshold: number
  gold: number
  top1: PairMetrics
  top3: PairMetrics
  atThreshold: PairMetrics
  /** District items with a counterpart whose first candidate is one of them. */
  firstHit: { hits: number; of: number }
  /** District items without a counterpart that are reported unaligned. */
  unalignedCorrect: { hits: number; of: number }
  /** District items with a counterpart that are reported aligned. */
  alignedCorrect: { hits: number; of: number }
}

/** Scores an alignment of the seeds against the expected table at a threshold. */
export function seedMetrics(alignment: Alignment, expected: ExpectedItem[], threshold: number): SeedMetrics {
  const byNumber = new Map(expected.map((e) => [e.number, e]))
  const gold = expected.reduce((n, e) => n + e.supports.length, 0)
  const pick = (choose: (scores: { number: number; score: number }[], rank: number) => boolean): PairMetrics => {
    let predicted = 0
    let correct = 0
    let relatedHits = 0
    for (const item of alignment.items) {
      const e = byNumber.get(item.number)
      if (!e) throw new Error(`expected table has no row for district item ${item.number}`)
      const row = alignment.scores[item.number - 1].map((score, col) => ({ number: alignment.municipal[col].number, score })).sort((x, y) => y.score - x.score)
      row.forEach((c, rank) => {
        if (c.score <= 0 || !choose(row, rank)) return
        predicted++
        if (e.supports.includes(c.number)) correct++
        else if (e.related.includes(c.number)) relatedHits++
      })
    }
    return {
      predicted,
      correct,
      relatedHits,
      precision: predicted ? correct / predicted : 1,
      lenientPrecision: predicted ? (correct + relatedHits) / predicted : 1,
      recall: gold ? correct / gold : 1,
    }
  }
  const withGold = alignment.items.filter((it) => (byNumber.get(it.number)?.supports.length ?? 0) > 0)
  const withoutGold = alignment.items.filter((it) => (byNumber.get(it.number)?.supports.length ?? 0) === 0)
  const aligned = (it: Alignment['items'][number]): boolean => (it.candidates[0]?.score ?? 0) >= threshold
  return {
    threshold,
    gold,
    top1: pick((_, rank) => rank === 0),
    top3: pick((_, rank) => rank < 3),
    atThreshold: pick((row, rank) => row[rank].score >= threshold),
    firstHit: { hits: withGold.filter((it) => byNumber.get(it.number)?.supports.includes(it.candidates[0]?.number ?? -1)).length, of: withGold.length },
    unalignedCorrect: { hits: withoutGold.filter((it) => !aligned(it)).length, of: withoutGold.length },
    alignedCorrect: { hits: withGold.filter(aligned).length, of: withGold.length },
  }
}

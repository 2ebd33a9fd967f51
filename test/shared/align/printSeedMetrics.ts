// Prints precision/recall of the seed alignment for a range of thresholds:
//   npx tsx test/shared/align/printSeedMetrics.ts
import { ALIGN_THRESHOLD, alignPlans } from '../../../shared/align/alignPlans.ts'
import { loadSeeds, seedMetrics } from './seedMetrics.ts'

const { district, municipal, expected } = loadSeeds()
const alignment = alignPlans(district, municipal)
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`
const base = seedMetrics(alignment, expected, ALIGN_THRESHOLD)
console.log(`gold pairs: ${base.gold}; district items with a counterpart: ${base.firstHit.of}, without: ${base.unalignedCorrect.of}`)
console.log(`top-1: precision ${pct(base.top1.precision)} (lenient ${pct(base.top1.lenientPrecision)}), recall ${pct(base.top1.recall)}; first candidate right for ${base.firstHit.hits}/${base.firstHit.of}`)
console.log(`top-3: precision ${pct(base.top3.precision)} (lenient ${pct(base.top3.lenientPrecision)}), recall ${pct(base.top3.recall)}`)
console.log('\nthreshold  pairs  precision  lenient  recall  aligned-with-counterpart  unaligned-without')
for (const t of [0.04, 0.05, 0.06, 0.065, 0.07, 0.08, 0.09, 0.1, 0.12, 0.15, 0.2]) {
  const m = seedMetrics(alignment, expected, t)
  const a = m.atThreshold
  const mark = t === ALIGN_THRESHOLD ? ' ←' : ''
  console.log(
    `${String(t).padStart(9)}  ${String(a.predicted).padStart(5)}  ${pct(a.precision).padStart(9)}  ${pct(a.lenientPrecision).padStart(7)}  ${pct(a.recall).padStart(6)}  ${`${m.alignedCorrect.hits}/${m.alignedCorrect.of}`.padStart(24)}  ${`${m.unalignedCorrect.hits}/${m.unalignedCorrect.of}`.padStart(17)}${mark}`,
  )
}

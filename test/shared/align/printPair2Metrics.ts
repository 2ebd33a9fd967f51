// Prints the alignment and task-verdict figures on pair 2 (README, "Checks and alignment"):
//   npx tsx test/shared/align/printPair2Metrics.ts
import { VERDICT_LABEL, type TaskVerdict } from '../../../shared/align/taskVerdict.ts'
import { pair2Metrics } from './pair2Metrics.ts'

const m = pair2Metrics()
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`
console.log(
  `links at the threshold: precision ${pct(m.links.precision)} (${m.links.correct}/${m.links.predicted}), recall ${pct(m.links.recall)} (${m.links.correct}/${m.links.gold}); items without a counterpart reported unaligned: ${m.unaligned.hits}/${m.unaligned.of}`,
)
console.log(`task verdicts equal to the table: ${m.tasks.agree}/${m.tasks.total} (${pct(m.tasks.agree / m.tasks.total)})`)
for (const v of ['done', 'partial', 'none'] as TaskVerdict[]) {
  const g = m.tasks.given[v]
  console.log(`  ${VERDICT_LABEL[v]}: given ${g.given}, right ${g.right} (precision ${pct(g.given ? g.right / g.given : 1)}), table has ${g.expected} (recall ${pct(g.expected ? g.right / g.expected : 1)})`)
}
console.log(`over-claims (engine said more than the table): ${m.tasks.overClaims.length}`)
for (const o of m.tasks.overClaims) console.log(`  市${o.municipal} ${o.text} — table ${VERDICT_LABEL[o.expected]}, engine ${VERDICT_LABEL[o.got]}`)

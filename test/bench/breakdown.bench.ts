// The 任务分解表 of an 80-item plan with every field filled, as .docx and as .xlsx (target < 300 ms each):
// what GET /api/documents/:id/breakdown.docx|.xlsx and `plan breakdown --docx/--xlsx` spend per file.
import { breakdownDocx } from '../../server/export/breakdown/breakdownDocx.ts'
import { breakdownXlsx } from '../../server/export/breakdown/breakdownXlsx.ts'
import { breakdownPlan } from '../server/export/breakdownPlan.ts'
import { report, time } from './timing.ts'

/** Prints the median and p99 of each format. */
export async function run(): Promise<void> {
  const plan = breakdownPlan(80)
  for (const [name, make] of [
    ['docx', breakdownDocx],
    ['xlsx', breakdownXlsx],
  ] as const) {
    const t = await time(() => make(plan), 20, 3)
    report(`任务分解表 .${name}, 80 items (median)`, t.median, 300, `p99 ${t.p99.toFixed(1)} ms`)
  }
}

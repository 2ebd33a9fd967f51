// Export of a 60-item plan to .docx in the official document layout (target: under 200 ms).
import { exportDocx } from '../../server/export/exportDocx.ts'
import { largePlan } from '../server/export/fixtures.ts'
import { report, time } from './timing.ts'

/** Times exportDocx on a 60-item plan with its cover notice, and the same plan without it. */
export async function run(): Promise<void> {
  const plan = largePlan(60)
  let bytes = 0
  const withNotice = await time(async () => {
    bytes = (await exportDocx(plan)).byteLength
  }, 30, 5)
  report('export .docx, 60 items with notice (median)', withNotice.median, 200, `p99 ${withNotice.p99.toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`)
  const alone = await time(() => exportDocx(plan, { notice: false }), 30, 5)
  report('export .docx, 60 items, plan alone (median)', alone.median, 200, `p99 ${alone.p99.toFixed(1)} ms`)
}

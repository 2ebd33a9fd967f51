// The 任务分解表 of an 80-item plan with every field filled, as .docx and as .xlsx (target < 300 ms each):
// what GET /api/documents/:id/breakdown.docx|.xlsx and `plan breakdown --docx/--xlsx` spend per file;
// and the 台账 of the same plan with four quarters of reports on every item (GET …/ledger.docx|.xlsx).
import { breakdownDocx } from '../../server/export/breakdown/breakdownDocx.ts'
import { breakdownXlsx } from '../../server/export/breakdown/breakdownXlsx.ts'
import { ledgerDocx, ledgerXlsx } from '../../server/export/breakdown/ledger.ts'
import { PROGRESS_STATUSES, QUARTERS, type ProgressReport } from '../../shared/breakdown/progress.ts'
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
  const reports: ProgressReport[] = Array.from({ length: 80 }, (_, i) =>
    QUARTERS.map((quarter) => ({
      id: `p${i}-${quarter}`,
      itemId: `i${i}`,
      quarter,
      status: PROGRESS_STATUSES[(i + quarter) % 4],
      note: '已召开专题会议，完成方案制定，下一步将开展专项督查并总结推广典型经验。',
      at: `2025-${String(quarter * 3).padStart(2, '0')}-15T08:00:00.000Z`,
      by: { id: 'u', name: '李娜', department: '德育科' },
    })),
  ).flat()
  for (const [name, make] of [
    ['docx', ledgerDocx],
    ['xlsx', ledgerXlsx],
  ] as const) {
    const t = await time(() => make(plan, reports, '2025-12-31'), 20, 3)
    report(`台账 .${name}, 80 items × 4 quarters (median)`, t.median, 300, `p99 ${t.p99.toFixed(1)} ms`)
  }
}

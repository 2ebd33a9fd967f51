import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ledgerDocx } from '../../../server/export/breakdown/ledger.ts'
import { PROGRESS_STATUSES, type ProgressReport, type Quarter } from '../../../shared/breakdown/progress.ts'
import { breakdownPlan } from './breakdownPlan.ts'
import { docxToPdf, pageToPng, renderUnavailable } from './render/soffice.ts'

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/breakdown/', import.meta.url))

/** Reports on most items of a 40-item plan: two quarters each, statuses in turn, notes of varied length. */
function reports(): ProgressReport[] {
  const out: ProgressReport[] = []
  for (let i = 0; i < 36; i++)
    for (const quarter of [1, 2] as Quarter[])
      out.push({
        id: `p${i}-${quarter}`,
        itemId: `i${i}`,
        quarter,
        status: PROGRESS_STATUSES[(i + quarter) % 4],
        note: i % 3 ? `已召开专题会议${quarter}次，完成方案制定。` : '按计划推进，已完成阶段性目标，下一步将开展专项督查并总结推广典型经验。',
        year: 2025,
        at: `2025-0${quarter * 3}-15T08:00:00.000Z`,
        by: { id: 'u', name: '李娜', department: '德育科' },
      })
  return out
}

describe('台账 .docx', () => {
  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)(
    'renders with LibreOffice to landscape pages that each start with the header row, overdue items marked',
    async () => {
      const bytes = await ledgerDocx(breakdownPlan(40), reports(), '2025-08-01')
      const { ledger } = await docxToPdf({ ledger: bytes })
      const info = execFileSync('pdfinfo', [ledger], { encoding: 'utf8' })
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/)
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
      expect(pages).toBeGreaterThan(1)
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), ledger, '-'], { encoding: 'utf8' })
        expect(text, `page ${page}`).toMatch(/序号\s+重点任务\s+牵头科室\s+配合科室\s+完成时限\s+第一季度\s+第二季度\s+第三季度\s+第四季度\s+当前状态/)
      }
      const all = execFileSync('pdftotext', ['-layout', ledger, '-'], { encoding: 'utf8' })
      expect(all).toContain('已逾期')
      mkdirSync(ARTIFACTS, { recursive: true })
      writeFileSync(`${ARTIFACTS}ledger.docx`, bytes)
      await pageToPng(ledger, 1, `${ARTIFACTS}ledger-page1`)
      await pageToPng(ledger, 2, `${ARTIFACTS}ledger-page2`)
    },
    180_000,
  )
})

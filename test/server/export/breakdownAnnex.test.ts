import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { breakdownPlan } from './breakdownPlan.ts'
import { docxToPdf, pageToPng, renderUnavailable } from './render/soffice.ts'

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/breakdown/', import.meta.url))

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
}

/** The 20-item plan with a cover notice, so the plan is 附件1 and the table 附件2. */
function planWithNotice(): Plan {
  return {
    ...breakdownPlan(20),
    notice: { docNumber: '某教〔2025〕1号', addressee: '各中小学', body: ['现将《2025年某区教育工作要点》印发给你们，请认真贯彻落实。'], issuer: '某区教育局', date: '2025年2月20日' },
  }
}

describe('plan export with the 任务分解', () => {
  it('prints each item’s fields after it only when asked', async () => {
    const plain = await documentXml(await exportDocx(breakdownPlan(20), { notice: false }))
    expect(plain).not.toContain('牵头科室：')
    const xml = await documentXml(await exportDocx(breakdownPlan(20), { notice: false, fields: true }))
    expect(xml).toContain('（牵头科室：基教科、组干科；分管领导：王明；完成时限：2025年6月底）')
    expect(xml.match(/（牵头科室：/g)).toHaveLength(20)
  })

  it('attaches the 任务分解表 after the plan on landscape pages, labelled 附件2 after a notice and 附件 without one', async () => {
    const xml = await documentXml(await exportDocx(planWithNotice(), { breakdownTable: true }))
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? []
    expect(sections).toHaveLength(2)
    expect(sections[0]).not.toContain('landscape')
    expect(sections[1]).toMatch(/w:orient="landscape"/)
    expect(xml).toContain('>附件1<')
    expect(xml).toContain('>附件2<')
    // The notice's 附件 line lists both: the plan, then the table.
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toMatch(/附件：1\.2025年某区教育工作要点\s*2\.2025年某区教育工作要点任务分解表/)
    expect(xml).toContain('2025年某区教育工作要点任务分解表')
    expect(xml.match(/<w:tblHeader/g)).toHaveLength(1)
    const alone = await documentXml(await exportDocx(breakdownPlan(20), { notice: false, breakdownTable: true }))
    expect(alone).toContain('>附件<')
    expect(alone).not.toContain('>附件1<')
  })

  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)(
    'renders with LibreOffice: portrait plan pages, then landscape table pages each starting with the header row',
    async () => {
      const bytes = await exportDocx(planWithNotice(), { fields: true, breakdownTable: true })
      const { annex } = await docxToPdf({ annex: bytes })
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [annex], { encoding: 'utf8' }))?.[1])
      const sizes = Array.from(
        { length: pages },
        (_, i) =>
          /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/
            .exec(execFileSync('pdfinfo', ['-f', String(i + 1), '-l', String(i + 1), annex], { encoding: 'utf8' }))
            ?.slice(1)
            .map(Number) ?? [],
      )
      const firstLandscape = sizes.findIndex(([w, h]) => w > h)
      expect(firstLandscape).toBeGreaterThan(1)
      expect(sizes.slice(0, firstLandscape).every(([w, h]) => w < h)).toBe(true)
      expect(sizes.slice(firstLandscape).every(([w, h]) => w > h)).toBe(true)
      const text = (page: number): string => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), annex, '-'], { encoding: 'utf8' })
      expect(text(firstLandscape + 1)).toMatch(/附件\s*2[\s\S]*任务分解表/)
      for (let page = firstLandscape + 1; page <= pages; page++) expect(text(page), `page ${page}`).toMatch(/序号\s+重点任务\s+具体措施\s+牵头科室/)
      const planText = Array.from({ length: firstLandscape }, (_, i) => text(i + 1)).join('\n')
      expect(planText.replace(/\s+/g, '')).toContain('牵头科室：基教科、组干科；')
      mkdirSync(ARTIFACTS, { recursive: true })
      writeFileSync(`${ARTIFACTS}plan-with-annex.docx`, bytes)
      await pageToPng(annex, 2, `${ARTIFACTS}plan-fields-page2`)
      await pageToPng(annex, firstLandscape + 1, `${ARTIFACTS}plan-annex-table`)
    },
    180_000,
  )
})

import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { breakdownDocx } from '../../../server/export/breakdown/breakdownDocx.ts'
import { breakdownXlsx } from '../../../server/export/breakdown/breakdownXlsx.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import { breakdownPlan } from './breakdownPlan.ts'
import { docxToPdf, pageToPng, pdfFonts, renderUnavailable } from './render/soffice.ts'

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/breakdown/', import.meta.url))
const plan = breakdownPlan(80)

describe('任务分解表 .xlsx', () => {
  it('reads back with exceljs as one row per item with each field in its column, filters on and the header frozen', async () => {
    const book = new ExcelJS.Workbook()
    // exceljs types its input as the older Node Buffer.
    await book.xlsx.load(Buffer.from(await breakdownXlsx(plan)) as unknown as Parameters<typeof book.xlsx.load>[0])
    const sheet = book.getWorksheet('任务分解表')
    if (!sheet) throw new Error('no sheet 任务分解表')
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(['序号', '重点任务', '具体措施', '牵头科室', '配合科室', '分管领导', '责任人', '完成时限', '所属部分', '时限类型', '截止日期'])
    expect(sheet.rowCount).toBe(1 + 80)
    const col = (name: string): number => header.indexOf(name) + 1
    allItems(plan).forEach((item, i) => {
      const row = sheet.getRow(i + 2)
      const b = item.breakdown ?? {}
      expect(row.getCell(col('序号')).value).toBe(i + 1)
      expect(row.getCell(col('重点任务')).value).toBe(item.title)
      expect(row.getCell(col('具体措施')).value).toBe(item.body)
      expect(row.getCell(col('牵头科室')).value).toBe((b.lead ?? []).join('、'))
      expect(row.getCell(col('配合科室')).value ?? '').toBe((b.support ?? []).join('、'))
      expect(row.getCell(col('分管领导')).value ?? '').toBe(b.leader ?? '')
      expect(row.getCell(col('完成时限')).value).toBe(b.deadline)
    })
    // Deadlines are read: 2025年6月底 is a month ending 2025-06-30, 按上级要求 is kept as text.
    expect(sheet.getRow(2).getCell(col('截止日期')).value).toBe('2025-06-30')
    expect(sheet.getRow(9).getCell(col('时限类型')).value).toBe('未识别')
    expect(sheet.getRow(9).getCell(col('所属部分')).value).toMatch(/^一、坚持党建引领$|^二、/)
    expect(sheet.autoFilter).toBeTruthy()
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })
})

describe('任务分解表 .docx', () => {
  let bytes: Uint8Array
  let xml: string
  beforeAll(async () => {
    bytes = await breakdownDocx(plan)
    xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
  })

  it('is A4 landscape with one table whose first row repeats as a header and a row per item and heading', () => {
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/)
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1)
    expect(xml.match(/<w:tblHeader\/>|<w:tblHeader w:val="true"\/>/g)).toHaveLength(1)
    // 80 items, 5 sections, 2 sub-sections, 1 header.
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(80 + 5 + 2 + 1)
    expect(xml).toContain('2025年某区教育工作要点任务分解表')
    expect(xml).toContain('方正小标宋简体')
    expect(xml).toContain('仿宋_GB2312')
  })

  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)(
    'renders with LibreOffice to landscape pages that each start with the header row',
    async () => {
      const { table } = await docxToPdf({ table: bytes })
      const info = execFileSync('pdfinfo', [table], { encoding: 'utf8' })
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/)
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
      expect(pages).toBeGreaterThan(2)
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), table, '-'], { encoding: 'utf8' })
        expect(text, `page ${page}`).toMatch(/序号\s+重点任务\s+具体措施\s+牵头科室\s+配合科室\s+分管领导\s+完成时限/)
      }
      const fonts = await pdfFonts(table)
      expect(fonts.some((f) => /NotoSerifCJK/.test(f))).toBe(true)
      expect(fonts.some((f) => /DejaVu/.test(f))).toBe(false)
      mkdirSync(ARTIFACTS, { recursive: true })
      writeFileSync(`${ARTIFACTS}breakdown.docx`, bytes)
      await pageToPng(table, 1, `${ARTIFACTS}page1`)
      await pageToPng(table, 2, `${ARTIFACTS}page2`)
    },
    180_000,
  )
})

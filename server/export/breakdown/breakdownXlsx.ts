import { loadExcel } from './loadExcel.ts'
import { breakdownRows, deadlineKindLabel } from '../../../shared/breakdown/table.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { xmlSafe } from '../xmlSafe.ts'
import { breakdownTitle, columnsFor } from './columns.ts'

/** Columns after the printed ones: where the item sits and what its deadline was read as, for sorting and filters. */
const EXTRA = [
  { header: '所属部分', width: 24 },
  { header: '时限类型', width: 10 },
  { header: '截止日期', width: 12 },
] as const

/**
 * The 任务分解表 as .xlsx: one sheet, the header in row 1 (frozen, filters on), one row per item with
 * every field in its own column — all eight columns always, so that a department's sheet has the
 * same layout whichever plan it came from — then the section, the deadline's kind and its last day.
 */
export async function breakdownXlsx(plan: Plan): Promise<Uint8Array> {
  const rows = breakdownRows(plan)
  const columns = columnsFor(rows, true)
  const { Workbook } = await loadExcel()
  const book = new Workbook()
  book.creator = 'Plan Studio'
  book.title = breakdownTitle(xmlSafe(plan.title).slice(0, 200))
  const sheet = book.addWorksheet('任务分解表', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  })
  sheet.columns = [...columns.map((c) => ({ header: c.header, width: c.xlsxWidth })), ...EXTRA.map((c) => ({ header: c.header, width: c.width }))]
  for (const row of rows) {
    sheet.addRow([row.number, ...columns.slice(1).map((c) => xmlSafe(c.value(row))), xmlSafe([row.section, row.subsection].filter(Boolean).join(' ')), deadlineKindLabel(row.deadlineKind), row.due ?? ''])
  }
  sheet.getRow(1).font = { bold: true }
  sheet.eachRow((r) => (r.alignment = { vertical: 'top', wrapText: true }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + EXTRA.length } }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

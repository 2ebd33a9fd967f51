import { loadExcel } from './loadExcel.ts'
import { LEDGER_STATUS_LABELS, ledgerRows, type LedgerRow } from '../../../shared/breakdown/ledger.ts'
import { PROGRESS_LABELS, QUARTER_LABELS, QUARTERS, reportCell, type ProgressReport } from '../../../shared/breakdown/progress.ts'
import { joinNames } from '../../../shared/breakdown/table.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { xmlSafe } from '../xmlSafe.ts'
import type { TableColumn } from './columns.ts'
import { itemTableDocx, MAX_TITLE } from './tableDocx.ts'

/** The 台账's state of an item: its latest reported status, 已逾期 first when the deadline has passed. */
export function ledgerState(row: LedgerRow): string {
  const status = LEDGER_STATUS_LABELS[row.status]
  return row.overdue ? `已逾期（${status}）` : status
}

/** The 台账's columns: the item, who does it by when, each quarter's latest report, and its state now. */
export const LEDGER_COLUMNS: readonly TableColumn<LedgerRow>[] = [
  { header: '序号', share: 6, xlsxWidth: 6, value: (r) => String(r.number) },
  { header: '重点任务', share: 12, xlsxWidth: 30, value: (r) => r.task },
  { header: '牵头科室', share: 10, xlsxWidth: 14, value: (r) => joinNames(r.lead) },
  { header: '配合科室', share: 10, xlsxWidth: 18, value: (r) => joinNames(r.support) },
  { header: '完成时限', share: 10, xlsxWidth: 14, value: (r) => r.deadline },
  ...QUARTERS.map((q): TableColumn<LedgerRow> => ({ header: QUARTER_LABELS[q], share: 10.5, xlsxWidth: 30, value: (r) => reportCell(r.quarters[q]) })),
  { header: '当前状态', share: 10, xlsxWidth: 14, value: ledgerState, strong: (r) => r.overdue },
]

/** A plan title with 工作台账 after it. */
export function ledgerTitle(planTitle: string): string {
  const title = planTitle.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE)
  return title ? `${title}工作台账` : '工作台账'
}

/** The 台账 (.docx), the rows of the 台账 page (shared/breakdown/ledger.ts): the items on A4 landscape with each quarter's latest report; overdue items' state in 黑体. */
export async function ledgerDocx(plan: Plan, reports: readonly ProgressReport[], today: string, year?: number): Promise<Uint8Array> {
  return itemTableDocx(ledgerTitle(plan.title), ledgerRows(plan, reports, today, year), LEDGER_COLUMNS)
}

/** The 台账 (.xlsx), the rows of the 台账 page: a row per item, a column per quarter, filters on, overdue rows filled light red; a second sheet holds every report ever made. */
export async function ledgerXlsx(plan: Plan, reports: readonly ProgressReport[], today: string, year?: number): Promise<Uint8Array> {
  const rows = ledgerRows(plan, reports, today, year)
  const { Workbook } = await loadExcel()
  const book = new Workbook()
  book.creator = 'Plan Studio'
  book.title = ledgerTitle(xmlSafe(plan.title))
  const sheet = book.addWorksheet('台账', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  })
  sheet.columns = [...LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.xlsxWidth })), { header: '截止日期', width: 12 }]
  for (const row of rows) {
    const added = sheet.addRow([row.number, ...LEDGER_COLUMNS.slice(1).map((c) => xmlSafe(c.value(row))), row.due ?? ''])
    if (row.overdue) added.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } }
  }
  sheet.getRow(1).font = { bold: true }
  sheet.eachRow((r) => (r.alignment = { vertical: 'top', wrapText: true }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length + 1 } }
  const history = book.addWorksheet('填报记录', { views: [{ state: 'frozen', ySplit: 1 }] })
  history.columns = ['序号', '季度', '状态', '进展', '填报人', '科室', '填报时间'].map((header, i) => ({ header, width: [6, 10, 8, 50, 10, 12, 20][i] }))
  const numbers = new Map(rows.map((r) => [r.itemId, r.number]))
  for (const r of reports) history.addRow([numbers.get(r.itemId) ?? '', QUARTER_LABELS[r.quarter], PROGRESS_LABELS[r.status], xmlSafe(r.note), xmlSafe(r.by.name), xmlSafe(r.by.department ?? ''), r.at])
  history.getRow(1).font = { bold: true }
  history.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

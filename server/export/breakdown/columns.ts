import type { BreakdownRow } from '../../../shared/breakdown/table.ts'
import { joinNames } from '../../../shared/breakdown/table.ts'

/** One column of an item table (任务分解表, 台账): its header, its share of the page width, and what it prints for a row. */
export interface TableColumn<R> {
  header: string
  /** Share of the table width (the shares of the columns printed are scaled to the full width). */
  share: number
  /** Excel column width in characters. */
  xlsxWidth: number
  value(row: R): string
  /** True for a column printed only when some item fills it. */
  optional?: boolean
  /** True for a cell printed in 黑体 (an overdue item in the 台账). */
  strong?(row: R): boolean
}

/** One column of the 任务分解表. */
export type BreakdownColumn = TableColumn<BreakdownRow>

/** The columns in the order bureaus print them: 序号 / 重点任务 / 具体措施 / 牵头科室 / 配合科室 / 分管领导 / 责任人 / 完成时限. */
export const COLUMNS: readonly BreakdownColumn[] = [
  { header: '序号', share: 5, xlsxWidth: 6, value: (r) => String(r.number) },
  { header: '重点任务', share: 20, xlsxWidth: 30, value: (r) => r.task },
  { header: '具体措施', share: 33, xlsxWidth: 60, value: (r) => r.measures },
  { header: '牵头科室', share: 11, xlsxWidth: 16, value: (r) => joinNames(r.lead) },
  { header: '配合科室', share: 11, xlsxWidth: 20, value: (r) => joinNames(r.support) },
  { header: '分管领导', share: 9, xlsxWidth: 10, value: (r) => r.leader, optional: true },
  { header: '责任人', share: 8, xlsxWidth: 10, value: (r) => r.person, optional: true },
  { header: '完成时限', share: 10, xlsxWidth: 16, value: (r) => r.deadline },
]

/** The columns a table prints: 分管领导 and 责任人 only when some item names one (most plans name neither). */
export function columnsFor(rows: BreakdownRow[], all = false): BreakdownColumn[] {
  return COLUMNS.filter((c) => all || !c.optional || rows.some((r) => c.value(r)))
}

/** A plan title with 任务分解表 after it: 2025年某区教育工作要点任务分解表. */
export function breakdownTitle(planTitle: string): string {
  const title = planTitle.replace(/\s+/g, ' ').trim()
  return title ? `${title}任务分解表` : '任务分解表'
}

import type { ISectionOptions, Paragraph } from 'docx'
import { breakdownRows } from '../../../shared/breakdown/table.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { breakdownTitle, columnsFor } from './columns.ts'
import { itemTableDocx, itemTableSection, MAX_TITLE } from './tableDocx.ts'

/**
 * The 任务分解表 (.docx): on A4 landscape like the 修改对照表, the title 《plan》任务分解表 in 小标宋,
 * then one table with the header row repeated on every page, a row across the table for each
 * section and sub-section heading, and a row per item.
 */
export async function breakdownDocx(plan: Plan): Promise<Uint8Array> {
  const rows = breakdownRows(plan)
  return itemTableDocx(breakdownTitle(plan.title.slice(0, MAX_TITLE)), rows, columnsFor(rows))
}

/** The 任务分解表 as a landscape section to follow a plan (its 附件), `before` being the 附件 label. */
export function breakdownSection(plan: Plan, before: Paragraph[]): ISectionOptions {
  const rows = breakdownRows(plan)
  return itemTableSection(breakdownTitle(plan.title.slice(0, MAX_TITLE)), rows, columnsFor(rows), before)
}

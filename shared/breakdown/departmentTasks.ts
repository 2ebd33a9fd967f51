import { isOverdue } from './ledger.ts'
import { departmentRole, type ProgressReport } from './progress.ts'
import type { BreakdownRow } from './table.ts'

/** One item of 本科室任务: where it is, what it is, who leads, by when, and its latest report. */
export interface DepartmentTask {
  itemId: string
  number: number
  task: string
  section: string
  lead: string[]
  support: string[]
  deadline: string
  due?: string
  /** The department leads (牵头) or supports (配合) the item. */
  role: 'lead' | 'support'
  latest?: ProgressReport
  overdue: boolean
}

/** The rows a department leads or supports, with their latest report; `today` (ISO) marks overdue ones. */
export function departmentTasks(rows: readonly BreakdownRow[], department: string, latest: ReadonlyMap<string, ProgressReport>, today: string): DepartmentTask[] {
  const out: DepartmentTask[] = []
  for (const row of rows) {
    const role = departmentRole(row, department)
    if (!role) continue
    const report = latest.get(row.itemId)
    out.push({
      itemId: row.itemId,
      number: row.number,
      task: row.task,
      section: row.section,
      lead: row.lead,
      support: row.support,
      deadline: row.deadline,
      ...(row.due ? { due: row.due } : {}),
      role,
      ...(report ? { latest: report } : {}),
      overdue: isOverdue(row.due, report?.status, today),
    })
  }
  return out
}

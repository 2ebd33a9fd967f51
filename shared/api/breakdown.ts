import type { DepartmentTask } from '../breakdown/departmentTasks.ts'
import type { ProgressReport } from '../breakdown/progress.ts'
import type { PlanStatus } from './status.ts'

/** GET /api/documents/:id/progress: every report, oldest first, and the items this user may report on. */
export interface ProgressResponse {
  reports: ProgressReport[]
  /** Item ids the signed-in user may report on (their 科室 leads or supports it; owners: every item). */
  reportable: string[]
}

/** 本科室任务 of one plan. */
export interface DepartmentPlanTasks {
  documentId: string
  title: string
  status: PlanStatus
  tasks: DepartmentTask[]
}

/** GET /api/me/tasks: the signed-in user's 科室 and its items across the plans they may open. */
export interface DepartmentTasksResponse {
  department: string | null
  plans: DepartmentPlanTasks[]
  /** Items in all plans together. */
  count: number
}

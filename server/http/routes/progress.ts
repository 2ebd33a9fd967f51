import { performance } from 'node:perf_hooks'
import type { DepartmentPlanTasks, DepartmentTasksResponse, ProgressResponse } from '../../../shared/api/breakdown.ts'
import { statusOf } from '../../../shared/api/status.ts'
import { departmentTasks } from '../../../shared/breakdown/departmentTasks.ts'
import { ledgerRows, type LedgerResponse } from '../../../shared/breakdown/ledger.ts'
import { latestReports, MAX_PROGRESS_NOTE, PROGRESS_STATUSES, QUARTERS, type Quarter } from '../../../shared/breakdown/progress.ts'
import { breakdownRows } from '../../../shared/breakdown/table.ts'
import { beijingDay } from '../../../shared/breakdown/today.ts'
import { AppError } from '../../AppError.ts'
import { currentState } from '../../docs/currentState.ts'
import { planOfState } from '../../docs/planState.ts'
import { addProgress, listProgress, mayReport } from '../../docs/progress.ts'
import { ledgerDocx, ledgerTitle, ledgerXlsx } from '../../export/breakdown/ledger.ts'
import { exportFilename } from '../../export/exportFilename.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { object, oneOf, text, type Check } from '../validate.ts'
import { currentPlan, XLSX_TYPE } from './breakdown.ts'
import { DOCX_TYPE } from './export.ts'

/** 1 to 4. */
const quarter: Check<Quarter> = (value) => {
  if (QUARTERS.includes(value as Quarter)) return value as Quarter
  throw new AppError('bad-request', '季度只能是 1、2、3 或 4')
}

const progressBody = object({
  itemId: text({ min: 1, max: 100 }),
  quarter,
  status: oneOf(PROGRESS_STATUSES, '状态只能是 not-started（未启动）、in-progress（推进中）、done（已完成）或 difficult（有困难）'),
  note: text({ max: MAX_PROGRESS_NOTE * 2 }),
})

/** The 台账 of the document in the URL as a file. */
async function ledger(ctx: RequestContext, format: 'docx' | 'xlsx'): Promise<Reply> {
  const { plan, id, title, year } = await currentPlan(ctx)
  const reports = await listProgress(ctx.services.storage, id)
  const started = performance.now()
  let bytes: Uint8Array
  try {
    bytes = format === 'docx' ? await ledgerDocx(plan, reports, beijingDay(), year) : await ledgerXlsx(plan, reports, beijingDay(), year)
  } catch (err) {
    ctx.services.log.error('ledger.export.failed', { doc: id, format, user: ctx.user.id }, err)
    throw new AppError('export-failed', '生成工作台账时出错，请稍后重试；如果一直不成功，请联系管理员', 500)
  }
  ctx.services.log.info('ledger.export', { doc: id, format, user: ctx.user.id, bytes: bytes.byteLength, ms: Math.round(performance.now() - started) })
  const name = exportFilename(ledgerTitle(plan.title.trim() || title))
  return format === 'docx' ? Reply.file(bytes, DOCX_TYPE, name) : Reply.file(bytes, XLSX_TYPE, name.replace(/\.docx$/, '.xlsx'))
}

/**
 * Progress through the year: departments report on their items per quarter (stamped by the server,
 * never overwritten), everyone with a role reads the reports and the 台账, and 本科室任务 lists a
 * signed-in user's department's items across the plans they may open.
 */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/progress',
    async handle(ctx): Promise<ProgressResponse> {
      const { plan, id, role } = await currentPlan(ctx)
      const reportable = breakdownRows(plan)
        .filter((row) => mayReport(ctx.user, role, row))
        .map((row) => row.itemId)
      return { reports: await listProgress(ctx.services.storage, id), reportable }
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/progress',
    async handle(ctx) {
      const { plan, id, role, year } = await currentPlan(ctx)
      const body = await ctx.body(progressBody)
      const row = breakdownRows(plan).find((r) => r.itemId === body.itemId)
      if (!row) throw new AppError('no-item', '计划中没有这一条，可能已被删除；请刷新后再填报', 404)
      if (!mayReport(ctx.user, role, row)) throw new AppError('not-your-item', '只有本条牵头或配合科室的成员（或文档所有者）可以填报进展', 403)
      const report = await addProgress(ctx.services.storage, ctx.user, id, body, year)
      ctx.services.log.info('progress.report', { doc: id, item: body.itemId, quarter: body.quarter, status: body.status, user: ctx.user.id })
      return Reply.json(report, 201)
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/ledger',
    async handle(ctx): Promise<LedgerResponse> {
      // The same rows the .xlsx/.docx 台账 print, so that the page and the files agree.
      const { plan, id, title, year } = await currentPlan(ctx)
      const today = beijingDay()
      return { title: ledgerTitle(plan.title.trim() || title), planTitle: plan.title.trim() || title, today, rows: ledgerRows(plan, await listProgress(ctx.services.storage, id), today, year) }
    },
  },
  { method: 'GET', path: '/api/documents/:id/ledger.docx', handle: (ctx) => ledger(ctx, 'docx') },
  { method: 'GET', path: '/api/documents/:id/ledger.xlsx', handle: (ctx) => ledger(ctx, 'xlsx') },
  {
    method: 'GET',
    path: '/api/me/tasks',
    async handle(ctx): Promise<DepartmentTasksResponse> {
      const department = ctx.user.department ?? null
      if (!department) return { department, plans: [], count: 0 }
      const today = beijingDay()
      const plans: DepartmentPlanTasks[] = []
      for (const info of await ctx.services.documents.list(ctx.user, false)) {
        const { state } = await currentState(ctx.services.storage, ctx.services.rooms, info.id)
        const rows = breakdownRows(planOfState(state), info.year)
        if (!rows.some((r) => r.lead.includes(department) || r.support.includes(department))) continue
        const latest = latestReports(await listProgress(ctx.services.storage, info.id))
        plans.push({ documentId: info.id, title: info.title, status: statusOf(info), tasks: departmentTasks(rows, department, latest, today) })
      }
      return { department, plans, count: plans.reduce((n, p) => n + p.tasks.length, 0) }
    },
  },
]

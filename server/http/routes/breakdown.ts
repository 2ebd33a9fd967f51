import { performance } from 'node:perf_hooks'
import type { DocRole } from '../../../shared/api/types.ts'
import { breakdownRows } from '../../../shared/breakdown/table.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { AppError } from '../../AppError.ts'
import { currentState } from '../../docs/currentState.ts'
import { planOfState } from '../../docs/planState.ts'
import { breakdownDocx } from '../../export/breakdown/breakdownDocx.ts'
import { breakdownXlsx } from '../../export/breakdown/breakdownXlsx.ts'
import { breakdownTitle } from '../../export/breakdown/columns.ts'
import { exportFilename } from '../../export/exportFilename.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { DOCX_TYPE } from './export.ts'

/** Content type of an Excel .xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The current plan of the document in the URL (from the open room when someone is editing), with its items' fields. */
export async function currentPlan(ctx: RequestContext): Promise<{ plan: Plan; id: string; title: string; role: DocRole; year?: number }> {
  const { doc, role } = await ctx.doc('viewer')
  const { state } = await currentState(ctx.services.storage, ctx.services.rooms, doc.id)
  const plan = planOfState(state)
  const year = doc.year ?? plan.meta.year
  return { plan, id: doc.id, title: doc.title, role, ...(year ? { year } : {}) }
}

/** Runs one export, logs its size and time, and answers a clear error if the file could not be made. */
async function download(ctx: RequestContext, format: 'docx' | 'xlsx'): Promise<Reply> {
  const { plan, id, title } = await currentPlan(ctx)
  const started = performance.now()
  let bytes: Uint8Array
  try {
    bytes = format === 'docx' ? await breakdownDocx(plan) : await breakdownXlsx(plan)
  } catch (err) {
    ctx.services.log.error('breakdown.export.failed', { doc: id, format, user: ctx.user.id }, err)
    throw new AppError('export-failed', '生成任务分解表时出错，请稍后重试；如果一直不成功，请联系管理员', 500)
  }
  ctx.services.log.info('breakdown.export', { doc: id, format, user: ctx.user.id, bytes: bytes.byteLength, ms: Math.round(performance.now() - started) })
  const name = exportFilename(breakdownTitle(plan.title.trim() || title))
  return format === 'docx' ? Reply.file(bytes, DOCX_TYPE, name) : Reply.file(bytes, XLSX_TYPE, name.replace(/\.docx$/, '.xlsx'))
}

/** The 任务分解表 of a document: as rows (JSON), as .docx (landscape table) or as .xlsx; any role may read it. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/breakdown',
    async handle(ctx) {
      const { plan } = await currentPlan(ctx)
      return { title: breakdownTitle(plan.title), rows: breakdownRows(plan) }
    },
  },
  { method: 'GET', path: '/api/documents/:id/breakdown.docx', handle: (ctx) => download(ctx, 'docx') },
  { method: 'GET', path: '/api/documents/:id/breakdown.xlsx', handle: (ctx) => download(ctx, 'xlsx') },
]

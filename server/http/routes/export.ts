import { performance } from 'node:perf_hooks'
import type { Plan } from '../../../shared/plan/types.ts'
import { AppError } from '../../AppError.ts'
import { currentState } from '../../docs/currentState.ts'
import { planOfState } from '../../docs/planState.ts'
import { exportFilename } from '../../export/exportFilename.ts'
import { exportInWorker } from '../../export/exportInWorker.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'

/** Content type of a Word .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** `notice=1` (the default) prints the cover notice, `notice=0` the plan alone; anything else is a mistake. */
function noticeOption(query: URLSearchParams): boolean {
  const value = query.get('notice')
  if (value === null || value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  throw new AppError('bad-request', 'notice 参数只能是 1（包含印发通知）或 0（只导出工作要点）', 400)
}

/**
 * Exports a plan as a .docx download and logs how long it took. The layout runs on the export worker
 * thread: inline, its 30–50 ms of synchronous work per 60-item plan delayed other users' keystrokes
 * by about as much while exports ran (see test/bench/export.bench.ts).
 */
async function download(ctx: RequestContext, plan: Plan, filename: string, fields: Record<string, string>): Promise<Reply> {
  const notice = noticeOption(ctx.query)
  const started = performance.now()
  let bytes: Uint8Array
  try {
    bytes = await exportInWorker(plan, { notice })
  } catch (err) {
    ctx.services.log.error('export.failed', { ...fields, user: ctx.user.id }, err)
    throw new AppError('export-failed', '生成 Word 文件时出错，请稍后重试；如果一直不成功，请联系管理员', 500)
  }
  const ms = Math.round(performance.now() - started)
  ctx.services.log.info('export.docx', { ...fields, user: ctx.user.id, notice, bytes: bytes.byteLength, ms })
  return Reply.file(bytes, DOCX_TYPE, filename)
}

/** Word export of a document's current text (from the open room when someone is editing) or of a named version; any role may export. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/export.docx',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const { state } = await currentState(ctx.services.storage, ctx.services.rooms, doc.id)
      const plan = planOfState(state)
      return download(ctx, plan, exportFilename(plan.title.trim() || doc.title), { doc: doc.id })
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions/:vid/export.docx',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const version = await ctx.services.versions.get(doc.id, ctx.params.vid)
      const plan = planOfState(await ctx.services.versions.state(doc.id, version.id))
      return download(ctx, plan, exportFilename(plan.title.trim() || doc.title, version.name), { doc: doc.id, version: version.id })
    },
  },
]

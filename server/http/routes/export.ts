import { performance } from 'node:perf_hooks'
import { AppError } from '../../AppError.ts'
import { currentParts } from '../../docs/currentState.ts'
import type { SuggestionReading } from '../../export/exportDocx.ts'
import { exportFilename } from '../../export/exportFilename.ts'
import { exportPartsInWorker } from '../../export/exportInWorker.ts'
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

/** `name=1` turns an option on, `name=0` or nothing leaves it off (fields: 任务分解 after each item; table: the 任务分解表 as 附件). */
function flagOption(query: URLSearchParams, name: string, what: string): boolean {
  const value = query.get(name)
  if (value === null || value === '0' || value === 'false') return false
  if (value === '1' || value === 'true') return true
  throw new AppError('bad-request', `${name} 参数只能是 1（${what}）或 0（不${what}）`, 400)
}

/**
 * How open 修订 suggestions print: `review=1` as Word revisions and comments (征求意见稿),
 * `accepted=1` as if all were accepted; neither (or both 0) as if all were rejected, the clean draft.
 */
function suggestionsOption(query: URLSearchParams): SuggestionReading {
  const review = flagOption(query, 'review', '导出修订和批注')
  const accepted = flagOption(query, 'accepted', '按全部接受导出')
  if (review && accepted) throw new AppError('bad-request', 'review 和 accepted 只能选一个：带修订和批注导出，或按全部接受导出', 400)
  return review ? 'track' : accepted ? 'accept' : 'reject'
}

/**
 * Exports a document (its stored parts) as a .docx download named after the plan's title, and logs
 * how long it took. Reading the document and the layout run on the export worker thread: inline, a
 * 60-item plan's 30–50 ms of synchronous layout delayed other users' keystrokes by about as much
 * while exports ran (test/bench/export.bench.ts), and a 2,000-item plan's reading 100–200 ms more.
 */
async function download(ctx: RequestContext, source: { parts: Uint8Array[] }, filename: (title: string) => string, fields: Record<string, string>): Promise<Reply> {
  const notice = noticeOption(ctx.query)
  const printFields = flagOption(ctx.query, 'fields', '在每条后打印任务分解')
  const breakdownTable = flagOption(ctx.query, 'table', '附任务分解表')
  const suggestions = suggestionsOption(ctx.query)
  const started = performance.now()
  let result: { bytes: Uint8Array; title: string }
  try {
    result = await exportPartsInWorker(source.parts, { notice, fields: printFields, breakdownTable, suggestions })
  } catch (err) {
    ctx.services.log.error('export.failed', { ...fields, user: ctx.user.id }, err)
    throw new AppError('export-failed', '生成 Word 文件时出错，请稍后重试；如果一直不成功，请联系管理员', 500)
  }
  const ms = Math.round(performance.now() - started)
  ctx.services.log.info('export.docx', { ...fields, user: ctx.user.id, notice, printFields, breakdownTable, suggestions, bytes: result.bytes.byteLength, ms })
  return Reply.file(result.bytes, DOCX_TYPE, filename(result.title))
}

/** Word export of a document's current text (from the open room when someone is editing) or of a named version; any role may export. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/export.docx',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const { parts } = await currentParts(ctx.services.storage, ctx.services.rooms, doc.id)
      // The worker reads the document too: a large plan costs this event loop only the copy of its bytes.
      return download(ctx, { parts }, (title) => exportFilename(title.trim() || doc.title), { doc: doc.id })
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions/:vid/export.docx',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const version = await ctx.services.versions.get(doc.id, ctx.params.vid)
      const state = await ctx.services.versions.state(doc.id, version.id)
      return download(ctx, { parts: [state] }, (title) => exportFilename(title.trim() || doc.title, version.name), { doc: doc.id, version: version.id })
    },
  },
]

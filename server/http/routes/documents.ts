import type { UpdateDocumentRequest } from '../../../shared/api/types.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { AppError } from '../../AppError.ts'
import { importLimits } from '../../config/limits.ts'
import { createDocument } from '../../docs/createDocument.ts'
import { formatBytes } from '../../import/importLimits.ts'
import { currentState } from '../../docs/currentState.ts'
import { planOfState } from '../../docs/planState.ts'
import { IMPORT_BODY_BYTES } from '../bodyLimits.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { bool, nullable, object, oneOf, optional, text } from '../validate.ts'

/** PATCH /api/documents/:id; link ids and titles are checked further by Documents.update. */
const patchBody = object({
  title: optional(text({ max: 1000 })),
  archived: optional(bool),
  priorId: optional(nullable(text({ max: 64 }))),
  municipalId: optional(nullable(text({ max: 64 }))),
  everyone: optional(nullable(oneOf(['editor', 'reviewer', 'viewer'] as const, '全员角色只能是 editor、reviewer、viewer 或 null'))),
})

/** What the raw import route reads from its query; anything else there is refused (a misspelt name is not silently dropped). */
const RAW_IMPORT_PARAMS = ['filename', 'kind', 'title', 'priorId', 'municipalId'] as const

/**
 * POST /api/documents/import?filename=…[&kind=…]: the file itself is the body (what a browser
 * sends for a File), never base64 or JSON. The router has counted the rate and checked the
 * declared length; the body is read within the import file limit (413 naming it, as soon as the
 * declared length or the bytes received pass it) into a buffer that moves to the import worker
 * uncopied. Returns the request createDocument takes, with the bytes in place of base64.
 */
async function rawImportRequest(ctx: RequestContext): Promise<Record<string, unknown>> {
  for (const name of ctx.query.keys()) {
    if (!(RAW_IMPORT_PARAMS as readonly string[]).includes(name)) throw new AppError('bad-request', `不认识的参数“${name}”：导入只接受 ${RAW_IMPORT_PARAMS.join('、')}`)
  }
  const filename = ctx.query.get('filename') ?? ''
  if (!filename.trim() || filename.length > 255) throw new AppError('bad-request', '请在地址中提供文件名（filename=…，最多 255 个字符）')
  if ([...filename].some((c) => c < ' ' || c === '\x7f')) throw new AppError('bad-request', '文件名含有控制字符，无法导入')
  const kind = ctx.query.get('kind')
  if (kind !== null && kind !== 'draft' && kind !== 'prior' && kind !== 'reference') throw new AppError('bad-kind', '文档类型只能是 draft（草稿）、prior（往年计划）或 reference（市级参照）')
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/json' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    throw new AppError('bad-request', '此接口的请求内容是文件本身（Content-Type: application/octet-stream）；base64 的 JSON 请发往 POST /api/documents', 415)
  }
  const fileBytes = importLimits().fileBytes
  const bytes = await ctx.bytes({ limit: fileBytes, tooLarge: new AppError('file-too-large', `文件太大，导入上限为 ${formatBytes(fileBytes)}`, 413) })
  const request: Record<string, unknown> = { import: { filename, bytes } }
  for (const name of ['kind', 'title', 'priorId', 'municipalId'] as const) {
    const value = ctx.query.get(name)
    if (value !== null) request[name] = value
  }
  return request
}

/** The document list, creation, metadata changes and the plan as JSON. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents',
    handle: (ctx) => ctx.services.documents.list(ctx.user, ctx.query.get('archived') === '1'),
  },
  {
    method: 'POST',
    path: '/api/documents',
    maxBodyBytes: IMPORT_BODY_BYTES,
    rateLimit: 'create-document',
    handle: async (ctx) => Reply.json(await createDocument(ctx.services, ctx.user, await ctx.body()), 201),
  },
  {
    method: 'POST',
    path: '/api/documents/import',
    // The router's cap on the declared length; the import file limit (smaller) is applied while reading.
    maxBodyBytes: IMPORT_BODY_BYTES,
    rateLimit: 'create-document',
    handle: async (ctx) => Reply.json(await createDocument(ctx.services, ctx.user, await rawImportRequest(ctx)), 201),
  },
  {
    method: 'GET',
    path: '/api/documents/:id',
    async handle(ctx) {
      const { doc, role } = await ctx.doc('viewer')
      return ctx.services.documents.info(doc, role)
    },
  },
  {
    method: 'PATCH',
    path: '/api/documents/:id',
    async handle(ctx) {
      const patch: UpdateDocumentRequest = await ctx.body(patchBody)
      const info = await ctx.services.documents.update(ctx.user, ctx.params.id, patch)
      ctx.services.log.info('doc.update', { doc: info.id, user: ctx.user.id, fields: Object.keys(patch).join(',') })
      return info
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/plan',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const { state } = await currentState(ctx.services.storage, ctx.services.rooms, doc.id)
      return toPlanJson(planOfState(state))
    },
  },
]

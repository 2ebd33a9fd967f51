import type { UpdateDocumentRequest } from '../../../shared/api/types.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { createDocument } from '../../docs/createDocument.ts'
import { currentState } from '../../docs/currentState.ts'
import { planOfState } from '../../docs/planState.ts'
import { IMPORT_BODY_BYTES } from '../bodyLimits.ts'
import { Reply, type Route } from '../route.ts'
import { bool, nullable, object, oneOf, optional, text } from '../validate.ts'

/** PATCH /api/documents/:id; link ids and titles are checked further by Documents.update. */
const patchBody = object({
  title: optional(text({ max: 1000 })),
  archived: optional(bool),
  priorId: optional(nullable(text({ max: 64 }))),
  municipalId: optional(nullable(text({ max: 64 }))),
  everyone: optional(nullable(oneOf(['editor', 'reviewer', 'viewer'] as const, '全员角色只能是 editor、reviewer、viewer 或 null'))),
})

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

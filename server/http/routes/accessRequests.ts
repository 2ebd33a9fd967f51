import { MAX_REQUEST_NOTE } from '../../../shared/api/accessRequests.ts'
import { decide, ownRequest, pendingFor, requestAccess, requestsOverview } from '../../docs/accessRequests.ts'
import { Reply, type Route } from '../route.ts'
import { object, oneOf, optional, text } from '../validate.ts'

const requestBody = object({ note: optional(text({ max: MAX_REQUEST_NOTE })) })
const decideBody = object({
  decision: oneOf(['grant', 'decline'] as const, '处理结果只能是 grant（授予）或 decline（拒绝）'),
  role: optional(oneOf(['editor', 'reviewer', 'viewer'] as const, '角色只能是 editor、reviewer 或 viewer')),
})

/** 申请权限: a colleague without access asks; the document's owners grant a role or decline. */
export const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/documents/:id/access-requests',
    async handle(ctx) {
      const request = await requestAccess(ctx.services, ctx.user, ctx.params.id, (await ctx.body(requestBody)).note)
      ctx.services.log.info('access.request', { doc: request.docId, user: ctx.user.id })
      return Reply.json(request, 201)
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/access-requests/mine',
    handle: async (ctx) => ({ request: await ownRequest(ctx.services, ctx.user, ctx.params.id) }),
  },
  {
    method: 'GET',
    path: '/api/documents/:id/access-requests',
    async handle(ctx) {
      const { doc } = await ctx.doc('owner')
      return pendingFor(ctx.services, doc.id)
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/access-requests/:userId',
    async handle(ctx) {
      const { doc } = await ctx.doc('owner')
      const { decision, role } = await ctx.body(decideBody)
      const result = await decide(ctx.services, doc.id, ctx.params.userId, decision, role)
      ctx.services.log.info('access.decide', { doc: doc.id, user: ctx.params.userId, decision, role: result.role, by: ctx.user.id })
      return result
    },
  },
  {
    method: 'GET',
    path: '/api/access-requests',
    handle: (ctx) => requestsOverview(ctx.services, ctx.user),
  },
]

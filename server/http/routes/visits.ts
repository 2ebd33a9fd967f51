import type { LastVisitResponse } from '../../../shared/api/visits.ts'
import type { Route } from '../route.ts'

/** "Since my last visit": record a visit when opening a document, read the last one. */
export const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/documents/:id/visit',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      return ctx.services.visits.record(doc.id, ctx.user.id)
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/visit',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const visit = await ctx.services.visits.last(doc.id, ctx.user.id)
      const reply: LastVisitResponse = visit ? { visit } : {}
      return reply
    },
  },
]

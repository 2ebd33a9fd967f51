import { listHistory } from '../../history/listHistory.ts'
import type { Route } from '../route.ts'

/** The authored history: who sent which change when (sizes only, never text). */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/history',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      // Updates are broadcast once in the write-ahead log; wait until the database has them too (here or on the owning process).
      const room = ctx.services.rooms.get(doc.id)
      await (room ? room.flushed() : ctx.services.rooms.flushedElsewhere(doc.id))
      const after = Math.max(0, Number(ctx.query.get('after') ?? 0) || 0)
      const limit = Math.min(5000, Math.max(1, Number(ctx.query.get('limit') ?? 500) || 500))
      return listHistory(ctx.services.storage, ctx.services.users, doc.id, after, limit)
    },
  },
]

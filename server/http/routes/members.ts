import { DOC_ROLES } from '../../docs/roles.ts'
import { Reply, type Route } from '../route.ts'
import { object, oneOf } from '../validate.ts'

const memberBody = object({ role: oneOf(DOC_ROLES, '角色只能是 owner、editor、reviewer 或 viewer') })

/** Who may open a document and with which role; owners manage it. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/members',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      return ctx.services.documents.members(doc.id)
    },
  },
  {
    method: 'PUT',
    path: '/api/documents/:id/members/:userId',
    async handle(ctx) {
      const { doc } = await ctx.doc('owner')
      const member = await ctx.services.documents.setMember(doc.id, ctx.params.userId, (await ctx.body(memberBody)).role)
      ctx.services.log.info('doc.member', { doc: doc.id, user: member.userId, role: member.role, by: ctx.user.id })
      return member
    },
  },
  {
    method: 'DELETE',
    path: '/api/documents/:id/members/:userId',
    async handle(ctx) {
      const { doc } = await ctx.doc('owner')
      await ctx.services.documents.removeMember(doc.id, ctx.params.userId)
      ctx.services.log.info('doc.member', { doc: doc.id, user: ctx.params.userId, role: 'none', by: ctx.user.id })
      return Reply.json({ ok: true })
    },
  },
]

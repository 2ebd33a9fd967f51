import { AppError } from '../../AppError.ts'
import { toUserInfo } from '../../auth/users.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { nullable, object, oneOf, optional, text } from '../validate.ts'

/** Name, password and display name are checked further (length, characters) by Users. */
const newUserBody = object({
  name: text({ max: 200 }),
  password: text({ max: 1000 }),
  role: oneOf(['admin', 'member'] as const, '角色只能是 admin（管理员）或 member（成员）'),
  displayName: optional(nullable(text({ max: 200 }))),
})
const resetBody = object({ password: text({ max: 1000 }) })

function requireAdmin(ctx: RequestContext): void {
  if (ctx.user.role !== 'admin') throw new AppError('forbidden', '只有管理员可以管理账号', 403)
}

/** Accounts: everyone signed in may list them (to share documents); only admins create them or reset passwords. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/users',
    handle: async (ctx) => (await ctx.services.users.list()).map(toUserInfo),
  },
  {
    method: 'POST',
    path: '/api/users',
    async handle(ctx) {
      requireAdmin(ctx)
      const { name, password, role, displayName } = await ctx.body(newUserBody)
      const user = await ctx.services.users.create({ name, password, role, displayName: displayName ?? undefined })
      ctx.services.log.info('user.create', { user: user.id, by: ctx.user.id, role: user.role })
      return Reply.json(toUserInfo(user), 201)
    },
  },
  {
    method: 'PUT',
    path: '/api/users/:userId/password',
    async handle(ctx) {
      requireAdmin(ctx)
      await ctx.services.sessions.resetPassword(ctx.params.userId, (await ctx.body(resetBody)).password, ctx.signedIn)
      ctx.services.log.info('user.password', { user: ctx.params.userId, by: ctx.user.id })
      return { ok: true }
    },
  },
]

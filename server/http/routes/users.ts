import type { GlobalRole } from '../../../shared/api/types.ts'
import { AppError } from '../../AppError.ts'
import { toUserInfo } from '../../auth/users.ts'
import { field, optionalField } from '../fields.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'

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
      const body = await ctx.body()
      const user = await ctx.services.users.create({
        name: field(body, 'name'),
        password: field(body, 'password'),
        role: field(body, 'role') as GlobalRole,
        displayName: optionalField(body, 'displayName'),
      })
      ctx.services.log.info('user.create', { user: user.id, by: ctx.user.id, role: user.role })
      return Reply.json(toUserInfo(user), 201)
    },
  },
  {
    method: 'PUT',
    path: '/api/users/:userId/password',
    async handle(ctx) {
      requireAdmin(ctx)
      await ctx.services.users.setPassword(ctx.params.userId, field(await ctx.body(), 'password'))
      ctx.services.log.info('user.password', { user: ctx.params.userId, by: ctx.user.id })
      return { ok: true }
    },
  },
]

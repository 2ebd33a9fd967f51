import type { LoginResponse } from '../../../shared/api/types.ts'
import { AppError } from '../../AppError.ts'
import { toUserInfo } from '../../auth/users.ts'
import { Reply, type Route } from '../route.ts'
import { field } from '../fields.ts'

/** Sign-in, sign-out, the current user and changing one's own password. */
export const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/login',
    public: true,
    async handle(ctx) {
      const body = await ctx.body()
      const { token, session, user } = await ctx.services.sessions.login(field(body, 'name'), field(body, 'password'))
      ctx.services.log.info('auth.login', { user: user.id })
      const reply: LoginResponse = { token, expiresAt: new Date(session.expiresAt).toISOString(), user: toUserInfo(user) }
      return reply
    },
  },
  {
    method: 'POST',
    path: '/api/logout',
    async handle(ctx) {
      if (ctx.auth) await ctx.services.sessions.logout(ctx.auth.session.id)
      ctx.services.log.info('auth.logout', { user: ctx.user.id })
      return Reply.json({ ok: true })
    },
  },
  {
    method: 'GET',
    path: '/api/me',
    handle: (ctx) => toUserInfo(ctx.user),
  },
  {
    method: 'PUT',
    path: '/api/me/password',
    async handle(ctx) {
      const body = await ctx.body()
      const user = await ctx.services.users.verify(ctx.user.name, field(body, 'oldPassword'))
      if (!user) throw new AppError('bad-login', '原密码不正确', 403)
      await ctx.services.users.setPassword(user.id, field(body, 'newPassword'))
      return { ok: true }
    },
  },
]

import type { LoginResponse } from '../../../shared/api/types.ts'
import { recordSignIn } from '../../accounts/accounts.ts'
import { toUserInfo } from '../../auth/users.ts'
import { AppError } from '../../AppError.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { object, text } from '../validate.ts'

const loginBody = object({ name: text({ max: 200 }), password: text({ max: 1000 }) })
const passwordBody = object({ oldPassword: text({ max: 1000 }), newPassword: text({ max: 1000 }) })

/** Runs a password check; a wrong password is logged with the name and address (never the password). */
async function logFailure<T>(ctx: RequestContext, event: string, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (err instanceof AppError && err.code === 'bad-login' && err.status !== 400) ctx.services.log.warn(event, { name: name.slice(0, 64), address: ctx.address })
    throw err
  }
}

/** Sign-in, sign-out, the current user and changing one's own password. */
export const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/login',
    public: true,
    async handle(ctx) {
      const { name, password } = await ctx.body(loginBody)
      const { token, session, user } = await logFailure(ctx, 'auth.login.failed', name, () => ctx.services.sessions.login(name, password, ctx.address))
      await recordSignIn(ctx.services.storage, user.id)
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
      const { oldPassword, newPassword } = await ctx.body(passwordBody)
      await logFailure(ctx, 'auth.password.failed', ctx.user.name, () => ctx.services.sessions.changePassword(ctx.signedIn, oldPassword, newPassword, ctx.address))
      ctx.services.log.info('user.password', { user: ctx.user.id, by: ctx.user.id })
      return { ok: true }
    },
  },
]

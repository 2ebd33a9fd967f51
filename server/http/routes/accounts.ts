import { DEPARTMENT_LIMITS } from '../../../shared/api/accounts.ts'
import { listAccounts, updateAccount } from '../../accounts/accounts.ts'
import { departments, setDepartments } from '../../accounts/departments.ts'
import { AppError } from '../../AppError.ts'
import type { RequestContext, Route } from '../route.ts'
import { bool, nullable, object, oneOf, optional, text, type Check } from '../validate.ts'

const accountBody = object({
  displayName: optional(text({ max: 200 })),
  role: optional(oneOf(['admin', 'member'] as const, '角色只能是 admin（管理员）或 member（成员）')),
  disabled: optional(bool),
  department: optional(nullable(text({ max: 200 }))),
})

/** A list of 科室 names (each checked further by setDepartments). */
const names: Check<string[]> = (value, field) => {
  if (!Array.isArray(value)) throw new AppError('bad-request', `字段“${field}”必须是科室名称的列表`)
  if (value.length > DEPARTMENT_LIMITS.count) throw new AppError('bad-department', `科室最多 ${DEPARTMENT_LIMITS.count} 个`)
  return value.map((v, i) => text({ max: 200 })(v, `${field}[${i}]`))
}
const departmentsBody = object({ departments: names })

function requireAdmin(ctx: RequestContext): void {
  if (ctx.user.role !== 'admin') throw new AppError('forbidden', '只有管理员可以管理账号', 403)
}

/** 用户管理 (admins): accounts with state and last sign-in, changes to them, and the bureau's 科室 list (read by everyone). */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/accounts',
    async handle(ctx) {
      requireAdmin(ctx)
      return listAccounts(ctx.services)
    },
  },
  {
    method: 'PATCH',
    path: '/api/accounts/:userId',
    async handle(ctx) {
      requireAdmin(ctx)
      const patch = await ctx.body(accountBody)
      const account = await updateAccount(ctx.services, ctx.params.userId, patch)
      ctx.services.log.info('user.update', { user: account.id, by: ctx.user.id, role: account.role, disabled: account.disabled })
      return account
    },
  },
  {
    method: 'GET',
    path: '/api/departments',
    handle: (ctx) => departments(ctx.services.storage),
  },
  {
    method: 'PUT',
    path: '/api/departments',
    async handle(ctx) {
      requireAdmin(ctx)
      const list = await setDepartments(ctx.services.storage, (await ctx.body(departmentsBody)).departments)
      ctx.services.log.info('departments.set', { by: ctx.user.id, count: list.length })
      return list
    },
  },
]

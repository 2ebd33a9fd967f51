import { MAX_STATUS_REASON, PLAN_STATUSES } from '../../../shared/api/status.ts'
import { assertBreakdownComplete } from '../../docs/finalGate.ts'
import { changeStatus, statusOfDocument } from '../../docs/status.ts'
import { type Route } from '../route.ts'
import { bool, object, oneOf, optional, text } from '../validate.ts'

const statusBody = object({
  status: oneOf(PLAN_STATUSES, '状态只能是 drafting（起草）、consultation（征求意见）、review（审核）或 final（定稿）'),
  reason: optional(text({ max: MAX_STATUS_REASON })),
  override: optional(bool),
})

/** A plan's status (起草 → 征求意见 → 审核 → 定稿): everyone with a role reads it and its history; owners change it. */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/status',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      return statusOfDocument(ctx.services.storage, doc)
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/status',
    async handle(ctx) {
      const { doc } = await ctx.doc('owner')
      const body = await ctx.body(statusBody)
      // 定稿 waits for every item's 牵头科室 and 完成时限 unless the owner overrides with a reason.
      if (body.status === 'final') await assertBreakdownComplete(ctx.services, doc.id, body)
      const change = await changeStatus(ctx.services, ctx.user, doc, body.status, body.reason, body.status === 'final' && body.override === true)
      ctx.services.log.info('doc.status', { doc: doc.id, from: change.from, to: change.to, version: change.versionId, user: ctx.user.id })
      return statusOfDocument(ctx.services.storage, (await ctx.services.documents.get(doc.id)) ?? doc)
    },
  },
]

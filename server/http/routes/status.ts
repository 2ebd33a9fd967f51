import { MAX_STATUS_REASON, PLAN_STATUSES, statusMoveProblem, statusOf } from '../../../shared/api/status.ts'
import { assertBreakdownComplete, BreakdownIncomplete } from '../../docs/finalGate.ts'
import { changeStatus, statusOfDocument } from '../../docs/status.ts'
import { Reply, type Route } from '../route.ts'
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
      // 定稿 waits for every item's 牵头科室 and 完成时限 unless the owner overrides with a reason;
      // a move that is wrong anyway (skipping 审核, already 定稿) gets its own answer from changeStatus.
      let overridden = false
      try {
        if (body.status === 'final' && !statusMoveProblem(statusOf(doc), 'final', body.reason)) overridden = await assertBreakdownComplete(ctx.services, doc.id, body)
      } catch (err) {
        // The 409 carries every item to fix, so that the status dialog can list them and jump to each.
        if (err instanceof BreakdownIncomplete) return Reply.json({ error: { code: err.code, message: err.message, items: err.items } }, err.status)
        throw err
      }
      const change = await changeStatus(ctx.services, ctx.user, doc, body.status, body.reason, overridden)
      ctx.services.log.info('doc.status', { doc: doc.id, from: change.from, to: change.to, version: change.versionId, user: ctx.user.id })
      return statusOfDocument(ctx.services.storage, (await ctx.services.documents.get(doc.id)) ?? doc)
    },
  },
]

import { decidedOf, parseReviewBase, type ReviewBaseParam, type ReviewResponse, type SuggestionReasonResponse } from '../../../shared/api/review.ts'
import { canEdit } from '../../../shared/api/types.ts'
import { REASON_MAX } from '../../../shared/review/suggestDecisions.ts'
import { fieldsInReview } from '../../../shared/breakdown/fieldNote.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { AppError } from '../../AppError.ts'
import { currentState } from '../../docs/currentState.ts'
import { assertNotFinal } from '../../docs/status.ts'
import { diffTableDocx } from '../../export/diffTable.ts'
import { loadReview, type LoadedReview } from '../../review/loadReview.ts'
import { reviewBases } from '../../review/reviewBases.ts'
import { reviewFilename } from '../../review/reviewFilename.ts'
import { reviewSuggestions, versionSuggestions } from '../../review/reviewSuggestions.ts'
import { setReasonAtOwner } from '../../review/suggestionReason.ts'
import type { Services } from '../../services.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'
import { object, text } from '../validate.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The `base` query parameter; a plain Chinese error when it is missing or malformed. */
function baseOf(ctx: RequestContext): ReviewBaseParam {
  const base = parseReviewBase(ctx.query.get('base'))
  if (!base) throw new AppError('bad-base', '请选择对照基准：上年计划（base=prior）、某个版本（base=version:版本编号）或上次访问（base=visit）')
  return base
}

/** Suggestion ids as editors mint them (and the update check accepts in marks). */
const SUGGESTION_ID = /^[A-Za-z0-9_-]{1,64}$/
const reasonBody = object({ reason: text({ max: REASON_MAX }) })

/** The 修订 of the live document for a review: open ones, and those decided since the base (its time, when it has one). */
async function suggestionsFor(services: Services, docId: string, review: LoadedReview): ReturnType<typeof reviewSuggestions> {
  const { state } = await currentState(services.storage, services.rooms, docId)
  return reviewSuggestions(state, services.users, review.base.kind === 'prior' ? undefined : review.base.at)
}

/** How the 修改对照表 names the old text: the prior plan by its title, a version or visit with what it is. */
function oldTitle(review: LoadedReview): string {
  if (review.base.kind === 'prior') return review.oldPlan.title
  return `${review.oldPlan.title}（${review.base.kind === 'version' ? review.base.label : '上次访问时的文本'}）`
}

/**
 * Reviewing changes: the bases a document can be compared with, both texts (and who changed what
 * since a version or a visit, and the 修订 open or decided since) for the review page, the 修改对照表
 * as a .docx (with 采纳情况 when 修订 were decided since the base), and an editor's reason for a decision. Anyone with a role
 * on the document may read them; comparing with the prior-year plan also needs a role on that plan.
 */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/review/bases',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      return reviewBases(ctx.services, ctx.user, doc)
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/review',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const review = await loadReview(ctx.services, ctx.user, doc, baseOf(ctx))
      const reply: ReviewResponse = { base: review.base, seq: review.seq, old: toPlanJson(review.oldPlan), new: toPlanJson(review.newPlan) }
      if (review.authors) reply.authors = review.authors
      reply.suggestions = await suggestionsFor(ctx.services, doc.id, review)
      return reply
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/review.docx',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const review = await loadReview(ctx.services, ctx.user, doc, baseOf(ctx))
      const diff = diffPlans(...fieldsInReview(review.oldPlan, review.newPlan))
      const decided = decidedOf(await suggestionsFor(ctx.services, doc.id, review))
      const bytes = await diffTableDocx(diff, { oldTitle: oldTitle(review), newTitle: review.newPlan.title, authors: review.authors, decided })
      ctx.services.log.info('review.export', { doc: doc.id, base: review.base.kind, changed: diff.summary.changed, user: ctx.user.id })
      return Reply.file(bytes, DOCX, reviewFilename(doc.title))
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/suggestions/:sid/reason',
    async handle(ctx) {
      const { doc, role } = await ctx.doc('viewer')
      if (!canEdit(role)) throw new AppError('forbidden', '只有编辑者和所有者可以填写接受或拒绝修订的理由', 403)
      assertNotFinal(doc)
      const sid = ctx.params.sid ?? ''
      if (!SUGGESTION_ID.test(sid)) throw new AppError('bad-request', '修订编号无效')
      const { reason } = await ctx.body(reasonBody)
      const decision = await setReasonAtOwner(ctx.services, ctx.user.id, doc.id, sid, reason)
      ctx.services.log.info('suggestion.reason', { doc: doc.id, suggestion: sid, user: ctx.user.id, chars: reason.length })
      const reply: SuggestionReasonResponse = { id: sid, decision }
      return reply
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions/:vid/suggestions',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      const version = await ctx.services.versions.get(doc.id, ctx.params.vid ?? '')
      return versionSuggestions(await ctx.services.versions.state(doc.id, version.id))
    },
  },
]

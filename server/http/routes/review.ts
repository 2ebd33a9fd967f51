import { parseReviewBase, type ReviewBaseParam, type ReviewResponse } from '../../../shared/api/review.ts'
import { fieldsInReview } from '../../../shared/breakdown/fieldNote.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { AppError } from '../../AppError.ts'
import { diffTableDocx } from '../../export/diffTable.ts'
import { loadReview, type LoadedReview } from '../../review/loadReview.ts'
import { reviewBases } from '../../review/reviewBases.ts'
import { reviewFilename } from '../../review/reviewFilename.ts'
import { Reply, type RequestContext, type Route } from '../route.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The `base` query parameter; a plain Chinese error when it is missing or malformed. */
function baseOf(ctx: RequestContext): ReviewBaseParam {
  const base = parseReviewBase(ctx.query.get('base'))
  if (!base) throw new AppError('bad-base', '请选择对照基准：上年计划（base=prior）、某个版本（base=version:版本编号）或上次访问（base=visit）')
  return base
}

/** How the 修改对照表 names the old text: the prior plan by its title, a version or visit with what it is. */
function oldTitle(review: LoadedReview): string {
  if (review.base.kind === 'prior') return review.oldPlan.title
  return `${review.oldPlan.title}（${review.base.kind === 'version' ? review.base.label : '上次访问时的文本'}）`
}

/**
 * Reviewing changes: the bases a document can be compared with, both texts (and who changed what
 * since a version or a visit) for the review page, and the 修改对照表 as a .docx. Anyone with a role
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
      const bytes = await diffTableDocx(diff, { oldTitle: oldTitle(review), newTitle: review.newPlan.title, authors: review.authors })
      ctx.services.log.info('review.export', { doc: doc.id, base: review.base.kind, changed: diff.summary.changed, user: ctx.user.id })
      return Reply.file(bytes, DOCX, reviewFilename(doc.title))
    },
  },
]

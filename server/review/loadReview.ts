import type { ReviewAuthor, ReviewBase, ReviewBaseParam } from '../../shared/api/review.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import { currentState } from '../docs/currentState.ts'
import type { DocumentRecord } from '../docs/documents.ts'
import { planOfState } from '../docs/planState.ts'
import type { Services } from '../services.ts'
import { planAtSeq } from './planAtSeq.ts'
import { reviewAuthors } from './reviewAuthors.ts'

/** Both texts of a review, the base as found, and (version and visit bases) who changed what since it. */
export interface LoadedReview {
  base: ReviewBase
  /** History position of the current text. */
  seq: number
  oldPlan: Plan
  newPlan: Plan
  authors?: Record<string, ReviewAuthor[]>
}

/**
 * Loads what a review of `doc` against `param` needs. The caller has checked that the user may read
 * `doc`; the prior-year document is checked here, since being allowed to read a draft does not mean
 * being allowed to read the plan it was carried forward from.
 */
export async function loadReview(services: Services, user: UserRecord, doc: DocumentRecord, param: ReviewBaseParam): Promise<LoadedReview> {
  const current = await currentState(services.storage, services.rooms, doc.id)
  const newPlan = planOfState(current.state)
  const seq = current.seq
  if (param.kind === 'prior') {
    const prior = await priorDocument(services, user, doc)
    const old = await currentState(services.storage, services.rooms, prior.id)
    return { base: { kind: 'prior', label: `上年计划《${prior.title}》`, docId: prior.id }, seq, oldPlan: planOfState(old.state), newPlan }
  }
  if (param.kind === 'version') {
    const version = await services.versions.get(doc.id, param.versionId)
    const oldPlan = planOfState(await services.versions.state(doc.id, version.id))
    const base: ReviewBase = { kind: 'version', label: `版本“${version.name}”`, versionId: version.id, seq: version.seq, at: version.createdAt, by: version.createdBy.name }
    return { base, seq, oldPlan, newPlan, authors: await reviewAuthors(services.storage, services.users, doc.id, version.seq, seq) }
  }
  const visit = await services.visits.last(doc.id, user.id)
  const asked = param.seq ?? visit?.seq
  if (asked === undefined) throw new AppError('no-visit', '还没有您上次访问这份文档的记录，无法列出上次访问以来的修改。', 404)
  // A position past the current text (a stale page after a restart from backup) means "now".
  const from = Math.min(asked, seq)
  const base: ReviewBase = { kind: 'visit', label: '上次访问', seq: from }
  if (visit && visit.seq === from) base.at = visit.at
  const oldPlan = await planAtSeq(services.storage, doc.id, from)
  return { base, seq, oldPlan, newPlan, authors: await reviewAuthors(services.storage, services.users, doc.id, from, seq) }
}

/** The draft's prior-year document, when it has one and the user may read it; a plain Chinese error otherwise. */
export async function priorDocument(services: Services, user: UserRecord, doc: DocumentRecord): Promise<DocumentRecord> {
  if (!doc.priorId) throw new AppError('no-prior', '这份文档没有关联上年计划，无法与上年对照。', 404)
  const prior = await services.documents.get(doc.priorId)
  if (!prior) throw new AppError('prior-missing', '找不到关联的上年计划，它可能已被删除。', 404)
  if (!(await services.documents.roleOf(user, prior))) {
    throw new AppError('prior-forbidden', '您没有查看上年计划的权限，无法与上年对照。请联系上年计划的所有者为您开通查看权限。', 403)
  }
  return prior
}

import type { ReviewBasesResponse } from '../../shared/api/review.ts'
import type { UserRecord } from '../auth/users.ts'
import type { DocumentRecord } from '../docs/documents.ts'
import type { Services } from '../services.ts'

/** The bases a review page can offer for a document: its prior-year document (named only when readable), its versions and the user's last visit. */
export async function reviewBases(services: Services, user: UserRecord, doc: DocumentRecord): Promise<ReviewBasesResponse> {
  const out: ReviewBasesResponse = {
    versions: (await services.versions.list(doc.id)).map(({ id, docId, name, createdAt, createdBy }) => ({ id, docId, name, createdAt, createdBy })),
  }
  if (doc.priorId) {
    const prior = await services.documents.get(doc.priorId)
    const readable = prior !== undefined && (await services.documents.roleOf(user, prior)) !== undefined
    out.prior = prior && readable ? { id: prior.id, readable, title: prior.title } : { id: doc.priorId, readable: false }
  }
  const visit = await services.visits.last(doc.id, user.id)
  if (visit) out.visit = visit
  return out
}

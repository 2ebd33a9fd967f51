import { decisionsMapOf, readDecisions, type DecisionRecord } from '../../shared/review/suggestDecisions.ts'
import { AppError } from '../AppError.ts'
import { RoomFailed, type Room } from '../collab/Room.ts'
import { REVIEW_WRITE } from '../collab/rootRules.ts'
import type { Services } from '../services.ts'

/** What setting a reason uses of the server's services. */
export type ReasonServices = Pick<Services, 'rooms' | 'calls'>

/**
 * Sets the reason where the document is open: on this process, or in a cluster on the document's
 * owner (the decision arrives in the owner's room, and only the owner writes the review root).
 */
export function setReasonAtOwner(services: ReasonServices, userId: string, docId: string, suggestionId: string, reason: string): Promise<DecisionRecord> {
  const here = (): Promise<DecisionRecord> => services.rooms.use(docId, (room) => setDecisionReason(room, userId, suggestionId, reason))
  return services.calls ? services.calls.atOwner(docId, 'suggestion-reason', { userId, suggestionId, reason }, here) : here()
}

/** Lets the process that owns a document set reasons other processes received. Call once at start. */
export function serveReasonCalls(services: ReasonServices): void {
  services.calls?.serve('suggestion-reason', (docId, args) => services.rooms.use(docId, (room) => setDecisionReason(room, args.userId ?? '', args.suggestionId ?? '', args.reason ?? '')))
}

/** How long a reason waits for its decision to arrive over the editor's socket (the HTTP request may overtake it). */
export const DECISION_WAIT_MS = 5000

/**
 * Adds the editor's reason (理由) to a suggestion's decision record in the review root, as one change
 * by `userId`; an empty reason removes it. Waits briefly for the decision itself; 404 when the
 * suggestion was never decided.
 */
export async function setDecisionReason(room: Room, userId: string, suggestionId: string, reason: string): Promise<DecisionRecord> {
  const record = await waitForDecision(room, suggestionId, DECISION_WAIT_MS)
  if (!record) throw new AppError('not-found', '找不到这条修订的接受或拒绝记录：它可能还没有被处理，或者已被撤销', 404)
  const next: DecisionRecord = { ...record }
  if (reason.trim()) next.reason = reason.trim()
  else delete next.reason
  try {
    room.change(userId, (doc) => doc.transact(() => decisionsMapOf(doc)?.set(suggestionId, next), REVIEW_WRITE))
  } catch (err) {
    if (err instanceof RoomFailed) throw new AppError('store-failed', '理由未能保存，请稍后重试', 503)
    throw err
  }
  return next
}

/** The decision record of a suggestion, as soon as the room holds one; undefined after `ms`. */
function waitForDecision(room: Room, id: string, ms: number): Promise<DecisionRecord | undefined> {
  const now = (): DecisionRecord | undefined => readDecisions(room.doc).get(id)
  const found = now()
  if (found) return Promise.resolve(found)
  return new Promise((resolve) => {
    const done = (record: DecisionRecord | undefined): void => {
      clearTimeout(timer)
      room.changeListeners.delete(check)
      resolve(record)
    }
    const check = (): void => {
      const record = now()
      if (record) done(record)
    }
    const timer = setTimeout(() => done(undefined), ms)
    room.changeListeners.add(check)
  })
}

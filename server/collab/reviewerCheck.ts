import type { Node as PMNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import { REVIEW_ROOT, reviewRoot, SUGGESTIONS_KEY } from '../../shared/review/reviewRoot.ts'
import { baseView } from '../../shared/review/suggestBase.ts'
import { suggestionSignatures } from '../../shared/review/suggestScan.ts'
import { readStamps, suggestionIdsInUpdate, type SuggestionStamp } from '../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../shared/review/suggestYdoc.ts'
import type { Room, RoomPeer } from './Room.ts'
import { REVIEW_WRITE } from './rootRules.ts'

/** The signed-in account a suggestion is stamped with. */
export interface Stamper {
  id: string
  name: string
  /** The account's colour (#rrggbb). */
  color?: string
}

/** What a reviewer may not change, captured before and after their update. */
interface ReviewState {
  base: PMNode
  signatures: Map<string, string>
  /** The other roots (metadata, links, 任务分解) as JSON: a reviewer changes none of them. */
  others: string
}

/** The review state of the room's accepted document, kept while the document stays as it is (reviewers type in bursts). */
const cache = new WeakMap<Y.Doc, { seq: number; state: ReviewState }>()

function reviewState(doc: Y.Doc): ReviewState {
  const pm = pmDocOfFragment(doc.getXmlFragment(PLAN_FIELD), planSchema())
  const others: Record<string, unknown> = {}
  for (const [name, type] of doc.share) if (name !== PLAN_FIELD && name !== REVIEW_ROOT) others[name] = type.toJSON()
  return { base: baseView(pm), signatures: suggestionSignatures(pm), others: JSON.stringify(others) }
}

function stateBefore(room: Room): ReviewState {
  const hit = cache.get(room.live)
  if (hit && hit.seq === room.seq) return hit.state
  const state = reviewState(room.live)
  cache.set(room.live, { seq: room.seq, state })
  return state
}

/**
 * Why a reviewer's update is more than suggestions and comments, or null. The plan with every
 * suggestion rejected and comment marks stripped (the base view) must be identical before and
 * after, nothing outside the plan text may change, and every suggestion the update adds, removes
 * or changes must be new or the reviewer's own (withdrawing theirs; accepting or rejecting others'
 * is for editors and owners).
 */
export function reviewerProblem(before: ReviewState, after: ReviewState, stamps: Map<string, SuggestionStamp>, userId: string): string | null {
  if (after.others !== before.others) return 'a reviewer changed data outside the plan text'
  if (!after.base.eq(before.base)) return 'a reviewer changed the text itself, not as a suggestion'
  for (const id of new Set([...before.signatures.keys(), ...after.signatures.keys()])) {
    if (before.signatures.get(id) === after.signatures.get(id)) continue
    const author = stamps.get(id)?.author.id
    if (author !== undefined && author !== userId) return 'a reviewer changed another person’s suggestion'
    if (author === undefined && before.signatures.has(id)) return 'a reviewer changed a suggestion nobody owns'
  }
  return null
}

/**
 * Applies a reviewer's update when it only suggests and comments (else throws InvalidUpdate through
 * the room: the socket closes with 4400 and the document is unchanged), then stamps its new
 * suggestions with the reviewer's account. Returns false when it held nothing new.
 */
export function receiveReviewerUpdate(room: Room, update: Uint8Array, user: Stamper, origin: RoomPeer): boolean {
  const before = stateBefore(room)
  const changed = room.change(user.id, (doc) => {
    Y.applyUpdate(doc, update, origin)
    const problem = reviewerProblem(before, reviewState(doc), readStamps(doc), user.id)
    if (problem) throw new Error(problem)
  })
  if (changed) stampNewSuggestions(room, update, user)
  return changed
}

/**
 * Stamps the suggestions an accepted update introduced with the sender's account and the server's
 * clock (author and time are never taken from a client). Ids already stamped keep their stamp.
 */
export function stampNewSuggestions(room: Room, update: Uint8Array, user: Stamper): void {
  const ids = suggestionIdsInUpdate(update)
  if (!ids.size) return
  const stamps = readStamps(room.live)
  const fresh = [...ids].filter((id) => !stamps.has(id))
  if (!fresh.length) return
  const stamp: SuggestionStamp = { author: { id: user.id, name: user.name, ...(user.color ? { color: user.color } : {}) }, createdAt: new Date().toISOString() }
  room.change(user.id, (doc) =>
    doc.transact(
      () =>
        putStamps(
          doc,
          fresh.map((id) => [id, stamp]),
        ),
      REVIEW_WRITE,
    ),
  )
}

/** Writes suggestion stamps into the review root's `suggestions` map, creating it on first use; call inside the server's review transaction. */
export function putStamps(doc: Y.Doc, stamps: Iterable<[string, SuggestionStamp]>): void {
  const root = reviewRoot(doc)
  let map = root.get(SUGGESTIONS_KEY)
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>()
    root.set(SUGGESTIONS_KEY, map)
  }
  for (const [id, stamp] of stamps) (map as Y.Map<unknown>).set(id, stamp)
}

import type { Node as PMNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import { reviewRoot } from '../../shared/review/reviewRoot.ts'
import { decisionRecord, decisionsMapOf, DECISIONS_KEY, inferDecisions, readDecisions } from '../../shared/review/suggestDecisions.ts'
import { scanSuggestions } from '../../shared/review/suggestScan.ts'
import { readStamps, stampsMapOf, suggestionIdsInUpdate } from '../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../shared/review/suggestYdoc.ts'
import { mayDecide } from './decisionPrecheck.ts'
import type { Room } from './Room.ts'
import type { Stamper } from './reviewerCheck.ts'
import { REVIEW_WRITE } from './rootRules.ts'

/** The room's plan as last read, kept while nothing changed it (an editor deleting in a burst reads it once per keystroke, not twice). */
const cache = new WeakMap<Y.Doc, { seq: number; pm: PMNode }>()

function planNow(room: Room): PMNode {
  const hit = cache.get(room.live)
  if (hit && hit.seq === room.seq) return hit.pm
  const pm = pmDocOfFragment(room.live.getXmlFragment(PLAN_FIELD), planSchema())
  cache.set(room.live, { seq: room.seq, pm })
  return pm
}

/**
 * Call before an editor's or owner's update is applied: the plan as it stands, when the update may
 * decide one of its suggestions (else null, and recordDecisions only reopens). A deletion far from
 * every suggestion (decisionPrecheck.ts) reads nothing: in a 1,000-paragraph plan that read was ~4 ms.
 */
export function planBeforeDecisions(room: Room, update: Uint8Array): PMNode | null {
  if (!stampsMapOf(room.live)?.size || !mayDecide(room.live, update)) return null
  return planNow(room)
}

/**
 * Call after the update was accepted: records in the review root (`decisions`) each suggestion it
 * accepted or rejected, with the sender's account and the server's clock, and forgets the decision
 * of a suggestion that is open again (an undo brings its marks back). A suggestion its own author
 * removes is withdrawn, not decided, and gets no record.
 */
export function recordDecisions(room: Room, before: PMNode | null, update: Uint8Array, user: Stamper): void {
  const reopened = reopenedIds(room, update)
  const found = before && scanSuggestions(before).length ? inferDecisions(before, planNow(room)) : []
  const stamps = found.length ? readStamps(room.live) : null
  const decided = found.filter((d) => !(d.decision === 'rejected' && stamps?.get(d.id)?.author.id === user.id))
  if (!decided.length && !reopened.length) return
  const at = new Date().toISOString()
  const seq = room.seq
  room.change(user.id, (doc) =>
    doc.transact(() => {
      const root = reviewRoot(doc)
      let map = root.get(DECISIONS_KEY)
      if (!(map instanceof Y.Map)) {
        map = new Y.Map<unknown>()
        root.set(DECISIONS_KEY, map)
      }
      const decisions = map as Y.Map<unknown>
      for (const id of reopened) decisions.delete(id)
      for (const d of decided) decisions.set(d.id, decisionRecord(d, { id: user.id, name: user.name }, at))
    }, REVIEW_WRITE),
  )
  // The record is outside the plan: the plan just read is still the room's (the editor's next deletion need not read it again).
  const read = cache.get(room.live)
  if (read && read.seq === seq) cache.set(room.live, { seq: room.seq, pm: read.pm })
}

/** Decided suggestion ids whose marks the update writes again. */
function reopenedIds(room: Room, update: Uint8Array): string[] {
  const map = decisionsMapOf(room.live)
  if (!map?.size) return []
  const ids = [...suggestionIdsInUpdate(update)].filter((id) => map.has(id))
  if (!ids.length) return []
  // Written again but maybe removed in the same update: only ids open now count.
  const open = new Set(scanSuggestions(planNow(room)).map((p) => p.id))
  const known = readDecisions(room.live)
  return ids.filter((id) => open.has(id) && known.has(id))
}

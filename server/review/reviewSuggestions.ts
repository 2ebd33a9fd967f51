import * as Y from 'yjs'
import type { ReviewSuggestion, VersionSuggestionsResponse } from '../../shared/api/review.ts'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import { readDecisions } from '../../shared/review/suggestDecisions.ts'
import { listSuggestions } from '../../shared/review/suggestScan.ts'
import { readStamps } from '../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../shared/review/suggestYdoc.ts'
import type { Users } from '../auth/users.ts'

/** Longest text of one part the review page is sent (the page shows a few words of each). */
const PART_TEXT_MAX = 120

/**
 * The 修订 of a document state for the review page: every open suggestion (author stamped by the
 * server, 科室 from the accounts) and every one decided after `since` (all when it is undefined).
 */
export async function reviewSuggestions(state: Uint8Array | null, users: Users, since?: string): Promise<ReviewSuggestion[]> {
  const doc = new Y.Doc()
  try {
    if (state) Y.applyUpdate(doc, state)
    const stamps = readStamps(doc)
    const departments = new Map<string, string | undefined>()
    const department = async (id: string): Promise<string | undefined> => {
      if (!departments.has(id)) departments.set(id, (await users.get(id))?.department)
      return departments.get(id)
    }
    const author = async (id: string): Promise<ReviewSuggestion['author']> => {
      const stamp = stamps.get(id)
      if (!stamp) return undefined
      const dept = await department(stamp.author.id)
      return { id: stamp.author.id, name: stamp.author.name, ...(stamp.author.color ? { color: stamp.author.color } : {}), ...(dept ? { department: dept } : {}) }
    }
    const out: ReviewSuggestion[] = []
    for (const s of listSuggestions(pmDocOfFragment(doc.getXmlFragment(PLAN_FIELD), planSchema()))) {
      const parts = s.parts.map((p) => ({ kind: p.kind, text: p.text.slice(0, PART_TEXT_MAX) }))
      out.push({ id: s.id, status: 'open', author: await author(s.id), createdAt: stamps.get(s.id)?.createdAt, itemIds: s.itemIds, parts })
    }
    for (const [id, d] of readDecisions(doc)) {
      if (since && d.at <= since) continue
      const decision = { by: d.by, at: d.at, ...(d.reason ? { reason: d.reason } : {}) }
      out.push({ id, status: d.decision, author: await author(id), createdAt: stamps.get(id)?.createdAt, itemIds: d.itemIds, parts: d.parts, decision })
    }
    return out
  } finally {
    doc.destroy()
  }
}

/** A saved version's open 修订 for its page: the text with marks and the stamps, or doc null when it has none. */
export function versionSuggestions(state: Uint8Array | null): VersionSuggestionsResponse {
  const doc = new Y.Doc()
  try {
    if (state) Y.applyUpdate(doc, state)
    const pm = pmDocOfFragment(doc.getXmlFragment(PLAN_FIELD), planSchema())
    const ids = new Set(listSuggestions(pm).map((s) => s.id))
    if (!ids.size) return { doc: null, stamps: {} }
    const stamps: VersionSuggestionsResponse['stamps'] = {}
    for (const [id, stamp] of readStamps(doc)) if (ids.has(id)) stamps[id] = stamp
    return { doc: pm.toJSON(), stamps }
  } finally {
    doc.destroy()
  }
}

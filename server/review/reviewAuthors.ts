import type { ReviewAuthor } from '../../shared/api/review.ts'
import type { Users } from '../auth/users.ts'
import { authorsBetween } from '../history/authorsBetween.ts'
import type { Storage } from '../storage/Storage.ts'

/** Shown for a change whose account no longer exists. */
const UNKNOWN_USER = { displayName: '已删除的用户', color: '#7f7f7f' }

/**
 * Who changed each plan node between a base position and the current one, with names and caret
 * colours, latest change first (history order, as authorsBetween keeps them): the attribution of a review against a version or a visit.
 */
export async function reviewAuthors(storage: Storage, users: Users, docId: string, fromSeq: number, toSeq: number): Promise<Record<string, ReviewAuthor[]>> {
  const changes = await authorsBetween(storage, docId, fromSeq, toSeq)
  const people = new Map<string, { displayName: string; color: string }>()
  const person = async (id: string): Promise<{ displayName: string; color: string }> => {
    let p = people.get(id)
    if (!p) people.set(id, (p = (await users.get(id)) ?? UNKNOWN_USER))
    return p
  }
  const out: Record<string, ReviewAuthor[]> = {}
  for (const [key, node] of changes) {
    const list: ReviewAuthor[] = []
    for (const a of node.authors) {
      const p = await person(a.userId)
      list.push({ userId: a.userId, name: p.displayName, color: p.color, first: a.first, last: a.last, updates: a.updates })
    }
    out[key] = list
  }
  return out
}

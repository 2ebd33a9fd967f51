import type { VisitInfo } from '../../shared/api/visits.ts'

const key = (userId: string, docId: string): string => `plan-studio/${userId}/visit-before/${docId}`

/** Reads the `previous` visit of a POST /visit answer; null for a first visit, undefined for anything else. */
function previousOf(response: unknown): VisitInfo | null | undefined {
  if (typeof response !== 'object' || response === null || !('current' in response)) return undefined
  if (!('previous' in response)) return null
  const p: unknown = response.previous
  if (typeof p === 'object' && p !== null && 'seq' in p && 'at' in p && typeof p.seq === 'number' && typeof p.at === 'string') return { seq: p.seq, at: p.at }
  return undefined
}

/**
 * Remembers, for this browser tab, the visit before the user first opened the document in it. The
 * editor records a visit as it opens, so by the time the user asks "what changed since I was last
 * here" the server's last visit is this one; the one before it is what they mean. Later openings in
 * the same tab keep the first answer.
 */
export function rememberVisit(userId: string, docId: string, response: unknown): void {
  try {
    if (sessionStorage.getItem(key(userId, docId)) !== null) return
    const previous = previousOf(response)
    if (previous !== undefined) sessionStorage.setItem(key(userId, docId), JSON.stringify(previous))
  } catch {
    // Storage refused (private window): the server's last visit is used instead.
  }
}

/** The visit remembered by rememberVisit: a visit, null when this tab saw the user's first visit, undefined when it knows nothing. */
export function visitBefore(userId: string, docId: string): VisitInfo | null | undefined {
  try {
    const raw = sessionStorage.getItem(key(userId, docId))
    if (raw === null) return undefined
    const value: unknown = JSON.parse(raw)
    if (value === null) return null
    if (typeof value === 'object' && 'seq' in value && 'at' in value && typeof value.seq === 'number' && typeof value.at === 'string') return { seq: value.seq, at: value.at }
    return undefined
  } catch {
    return undefined
  }
}

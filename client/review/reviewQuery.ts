/** How the review page shows changes: 修订 (inline) or 对照 (side by side). */
export type ReviewView = 'inline' | 'side'

/** The review page's choices, kept in its address so that a reload or a shared link shows the same. */
export interface ReviewQuery {
  /** prior, visit or version:<id>; absent: the page picks (see defaultBase). */
  base?: string
  view: ReviewView
  /** 只看修改. */
  only: boolean
}

/** Reads the page's query string (?base=prior&view=side&only=1); unknown values fall back to the defaults. */
export function parseReviewQuery(search: string): ReviewQuery {
  const q = new URLSearchParams(search)
  const base = q.get('base')
  const out: ReviewQuery = { view: q.get('view') === 'side' ? 'side' : 'inline', only: q.get('only') === '1' }
  if (base && /^(prior|visit|version:[a-z0-9]{1,64})$/.test(base)) out.base = base
  return out
}

/** The query string of a ReviewQuery, defaults left out. */
export function formatReviewQuery(q: ReviewQuery): string {
  // Every value is from a small alphabet (letters, digits, a colon), so it is written as is: ?base=version:v2.
  const parts: string[] = []
  if (q.base) parts.push(`base=${q.base}`)
  if (q.view === 'side') parts.push('view=side')
  if (q.only) parts.push('only=1')
  return parts.length ? `?${parts.join('&')}` : ''
}

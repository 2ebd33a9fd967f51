import type { ReviewSuggestion, ReviewSuggestionStatus } from '../../shared/api/review.ts'
import type { CommentStatus, CommentThread } from '../../shared/review/commentsTypes.ts'
import type { ItemView } from '../../shared/review/reviewModel.ts'

/** The review page's one filter bar: 批注 status, 修订 status, and a person and a 科室 for both. */
export interface SideFilter {
  threadStatus: CommentStatus
  suggestionStatus: ReviewSuggestionStatus | 'all'
  /** An account id, or '' for everyone. */
  person: string
  /** A 科室, or '' for all. */
  department: string
}

/** What the page shows first: open 批注 and 修订 (待处理) of everyone. */
export const DEFAULT_SIDE_FILTER: SideFilter = { threadStatus: 'open', suggestionStatus: 'open', person: '', department: '' }

/** How the filter and the lists name a suggestion's status. */
export const SUGGESTION_STATUS_LABELS: Record<ReviewSuggestionStatus, string> = { open: '待处理', accepted: '已接受', rejected: '已拒绝' }

/** True when a suggestion passes the filter (its author's id and 科室, its status). */
export function suggestionVisible(s: ReviewSuggestion, f: SideFilter): boolean {
  if (f.suggestionStatus !== 'all' && s.status !== f.suggestionStatus) return false
  if (f.person && s.author?.id !== f.person) return false
  if (f.department && s.author?.department !== f.department) return false
  return true
}

/** Everyone who wrote a 批注 or a reply or made a 修订, as [id, name], in the order first met. */
export function peopleOf(threads: readonly CommentThread[], suggestions: readonly ReviewSuggestion[]): Array<[string, string]> {
  const names = new Map<string, string>()
  for (const t of threads) for (const m of [t, ...t.replies]) names.set(m.author.id, m.author.name)
  for (const s of suggestions) if (s.author) names.set(s.author.id, s.author.name)
  return [...names]
}

/** The 科室 of the authors of 批注 and 修订, each once. */
export function departmentsOf(threads: readonly CommentThread[], suggestions: readonly ReviewSuggestion[]): string[] {
  const all = [...threads.map((t) => t.author.department), ...suggestions.map((s) => s.author?.department)]
  return [...new Set(all.filter((d): d is string => Boolean(d)))]
}

/** The entries of the diff by the ids of their items (old and new), to find a suggestion's entry. */
export function entriesById(items: readonly ItemView[]): Map<string, ItemView> {
  const out = new Map<string, ItemView>()
  for (const item of items) for (const ref of [...item.diff.new, ...item.diff.old]) if (!out.has(ref.id)) out.set(ref.id, item)
  return out
}

/** The entry a suggestion belongs to: the first of its items the diff has (a suggested new item has none). */
export function entryOf(s: ReviewSuggestion, entries: ReadonlyMap<string, ItemView>): ItemView | undefined {
  for (const id of s.itemIds) {
    const entry = entries.get(id)
    if (entry) return entry
  }
  return undefined
}

import type { ItemDiff } from './types.ts'

/** One user's part in the changes to one node since the base. */
export interface ReviewAuthor {
  userId: string
  /** Display name. */
  name: string
  /** Caret colour, #rrggbb. */
  color: string
  /** First and last change (ISO) in the range. */
  first: string
  last: string
  /** Number of stored updates by this user that touched the node. */
  updates: number
}

/** One person's part in a change, as the page shows it: avatar colour, name and when they last touched it. */
export interface AuthorView {
  userId: string
  name: string
  color: string
  /** Their latest change (ISO). */
  at: string
}

/**
 * Everyone who changed any of the given nodes (an entry's old and new item ids: a merged item's
 * removed halves count too), once each, latest first.
 */
export function entryAuthors(keys: string[], authors: Record<string, ReviewAuthor[]> | undefined): AuthorView[] {
  if (!authors) return []
  const byUser = new Map<string, AuthorView>()
  for (const key of new Set(keys)) {
    for (const a of authors[key] ?? []) {
      const seen = byUser.get(a.userId)
      if (!seen) byUser.set(a.userId, { userId: a.userId, name: a.name, color: a.color, at: a.last })
      else if (a.last > seen.at) seen.at = a.last
    }
  }
  return [...byUser.values()].sort((a, b) => b.at.localeCompare(a.at))
}

/** Everyone who changed an item entry: its new items and its old ones (a merged item's removed halves count too). */
export function itemEntryAuthors(e: ItemDiff, authors: Record<string, ReviewAuthor[]> | undefined): AuthorView[] {
  return entryAuthors(
    [...e.new, ...e.old].map((r) => r.id),
    authors,
  )
}

import type { ItemSimilarity } from './itemSimilarity.ts'

/** Old and new items found to be the same content: 1-1, several old → one new (merge) or one old → several new (split). */
export interface ItemGroup {
  /** Indexes into the old items, ascending. */
  olds: number[]
  /** Indexes into the new items, ascending. */
  news: number[]
  /** The old item the group was first matched by (its id or best similarity). */
  primaryOld: number
  /** The new item the group was first matched by. */
  primaryNew: number
  matchedBy: 'id' | 'content'
}

/** Matching in progress: the groups each old and new item belongs to so far, and how to start a group. */
export interface MatchState {
  measures: ItemSimilarity
  oldGroup: (ItemGroup | undefined)[]
  newGroup: (ItemGroup | undefined)[]
  /** Starts a group with one old and one new item. */
  link(o: number, n: number, by: 'id' | 'content'): void
}

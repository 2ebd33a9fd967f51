import type { PlanItem } from '../plan/types.ts'
import { maxWeightAssignment } from './assignment.ts'
import { attachMerges, attachSplits } from './attachLoose.ts'
import type { ItemGroup, MatchState } from './itemGroup.ts'
import { itemSimilarity, type ItemSimilarity } from './itemSimilarity.ts'

export type { ItemGroup } from './itemGroup.ts'

/** The result of matching two item lists. */
export interface ItemMatching {
  groups: ItemGroup[]
  /** Old items in no group (removed). */
  removed: number[]
  /** New items in no group (added). */
  added: number[]
  measures: ItemSimilarity
}

/** Options of matchItems. */
export interface MatchOptions {
  /** Match items that carry the same id first. @default true */
  useIds?: boolean
  /** Least similarity for a content match; unrelated items of one plan score below 0.2, items sharing a topic 0.3 and more. @default 0.25 */
  minSimilarity?: number
}

/** Least similarity for a content match (see MatchOptions.minSimilarity). */
export const MIN_SIMILARITY = 0.25

/**
 * Matches the items of two plans: by stable id where both carry one, then by an optimal one-to-one
 * assignment on content similarity, then merges and splits among what is left by containment.
 */
export function matchItems(oldItems: PlanItem[], newItems: PlanItem[], options: MatchOptions = {}): ItemMatching {
  const measures = itemSimilarity(oldItems, newItems)
  const oldGroup = new Array<ItemGroup | undefined>(oldItems.length)
  const newGroup = new Array<ItemGroup | undefined>(newItems.length)
  const state: MatchState = {
    measures,
    oldGroup,
    newGroup,
    link(o, n, by) {
      const g: ItemGroup = { olds: [o], news: [n], primaryOld: o, primaryNew: n, matchedBy: by }
      oldGroup[o] = g
      newGroup[n] = g
    },
  }
  if (options.useIds ?? true) matchByIds(oldItems, newItems, state)
  matchByContent(state, options.minSimilarity ?? MIN_SIMILARITY)
  attachMerges(state)
  attachSplits(state)
  const groups = [...new Set(newGroup.filter((g): g is ItemGroup => g !== undefined))]
  for (const g of groups) {
    g.olds.sort((a, b) => a - b)
    g.news.sort((a, b) => a - b)
  }
  groups.sort((a, b) => a.news[0] - b.news[0])
  return {
    groups,
    removed: oldItems.map((_, i) => i).filter((i) => !oldGroup[i]),
    added: newItems.map((_, i) => i).filter((i) => !newGroup[i]),
    measures,
  }
}

/** Pairs items that carry the same id (the first new item with an id, when a copy repeats it). */
function matchByIds(oldItems: PlanItem[], newItems: PlanItem[], { link }: MatchState): void {
  const newById = new Map<string, number>()
  newItems.forEach((it, n) => {
    if (it.id && !newById.has(it.id)) newById.set(it.id, n)
  })
  oldItems.forEach((it, o) => {
    const n = newById.get(it.id)
    if (n === undefined) return
    newById.delete(it.id)
    link(o, n, 'id')
  })
}

/** An optimal one-to-one assignment on similarity among the items not matched by id. */
function matchByContent({ measures: m, oldGroup, newGroup, link }: MatchState, minSimilarity: number): void {
  const oldCount = oldGroup.length
  const newCount = newGroup.length
  const rows = range(oldCount).filter((o) => !oldGroup[o])
  const cols = range(newCount).filter((n) => !newGroup[n])
  if (!rows.length || !cols.length) return
  const weight = rows.map((o) =>
    cols.map((n) => {
      const s = m.similarity(o, n)
      if (s < minSimilarity) return 0
      // Nearby positions break ties between equally similar items (two near-identical items stay in order).
      return s + 0.01 * (1 - Math.abs(o / Math.max(1, oldCount) - n / Math.max(1, newCount)))
    }),
  )
  maxWeightAssignment(weight).forEach((c, r) => {
    if (c >= 0) link(rows[r], cols[c], 'content')
  })
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

import type { PlanItem } from '../plan/types.ts'
import { maxWeightAssignment } from './assignment.ts'
import { itemSimilarity, type ItemSimilarity } from './itemSimilarity.ts'

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

/** Share of an item's text that must be found in another item to call it merged into (or split out of) it. */
export const MIN_CONTAINMENT = 0.5
/** How much more of the item the merge target must hold than the target's own match does. */
export const MIN_CONTAINMENT_GAIN = 0.25

/**
 * Matches the items of two plans: by stable id where both carry one, then by an optimal one-to-one
 * assignment on content similarity, then merges and splits among what is left by containment.
 */
export function matchItems(oldItems: PlanItem[], newItems: PlanItem[], options: MatchOptions = {}): ItemMatching {
  const measures = itemSimilarity(oldItems, newItems)
  const oldGroup = new Array<ItemGroup | undefined>(oldItems.length)
  const newGroup = new Array<ItemGroup | undefined>(newItems.length)
  const link = (o: number, n: number, by: 'id' | 'content'): void => {
    const g: ItemGroup = { olds: [o], news: [n], primaryOld: o, primaryNew: n, matchedBy: by }
    oldGroup[o] = g
    newGroup[n] = g
  }
  if (options.useIds ?? true) matchByIds(oldItems, newItems, link)
  matchByContent(oldItems.length, newItems.length, measures, options.minSimilarity ?? MIN_SIMILARITY, oldGroup, newGroup, link)
  attachMerges(oldItems.length, newItems.length, measures, oldGroup, newGroup, link)
  attachSplits(oldItems.length, newItems.length, measures, oldGroup, newGroup, link)
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

function matchByIds(oldItems: PlanItem[], newItems: PlanItem[], link: (o: number, n: number, by: 'id') => void): void {
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

function matchByContent(
  oldCount: number,
  newCount: number,
  m: ItemSimilarity,
  minSimilarity: number,
  oldGroup: (ItemGroup | undefined)[],
  newGroup: (ItemGroup | undefined)[],
  link: (o: number, n: number, by: 'content') => void,
): void {
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

/** Least share of an item's text that must come from a second item for a condensed merge or a reworded split. */
export const MIN_SHARED = 0.35
/** Least share of the loose item itself that must be in the target for that second kind of evidence. */
export const MIN_SOURCE_SHARE = 0.2
/** How much more of the item two sources explain together than its own counterpart alone. */
export const MIN_COVERAGE_GAIN = 0.2

/**
 * The measures of one direction: for merges the loose items are unmatched old items and the targets
 * new items; for splits the other way round.
 */
interface Direction {
  looseCount: number
  targetCount: number
  /** Share of loose item l found in target t. */
  looseInTarget(l: number, t: number): number
  /** Share of target t found in loose item l. */
  targetInLoose(t: number, l: number): number
  /** Share of loose item l found in another item k of its own side. */
  looseInSibling(l: number, k: number): number
  /** Share of target t held by the given items of the loose side together. */
  targetCoveredBy(t: number, side: number[]): number
  groupOfLoose: (ItemGroup | undefined)[]
  groupOfTarget: (ItemGroup | undefined)[]
  /** The group's members on the loose side and on the target side. */
  looseOf(g: ItemGroup): number[]
  targetsOf(g: ItemGroup): number[]
  pair(l: number, t: number): void
}

/**
 * Loose items (unmatched old items for merges, unmatched new items for splits) whose text went into
 * a target item: joined to the target's group, or paired with the target when it has none. Evidence
 * is either most of the loose item found in the target beyond what the group already explains, or
 * (for condensed merges and reworded splits) a large share of the target that only the loose item
 * explains.
 */
function attach(d: Direction): void {
  const candidates: { l: number; t: number; gain: number }[] = []
  for (let l = 0; l < d.looseCount; l++) {
    if (d.groupOfLoose[l]) continue
    let best = { t: -1, gain: 0 }
    for (let t = 0; t < d.targetCount; t++) {
      const gain = evidence(d, l, t)
      if (gain > best.gain) best = { t, gain }
    }
    if (best.t >= 0) candidates.push({ l, t: best.t, gain: best.gain })
  }
  candidates.sort((a, b) => b.gain - a.gain)
  for (const { l, t } of candidates) {
    const g = d.groupOfTarget[t]
    if (!g) {
      d.pair(l, t)
      continue
    }
    // Re-check: an earlier attachment may have changed what the group explains.
    if (d.targetsOf(g).length > 1 || evidence(d, l, t) <= 0) continue
    d.looseOf(g).push(l)
    d.groupOfLoose[l] = g
  }
}

/** How strongly loose item l belongs with target t, 0 when not at all. */
function evidence(d: Direction, l: number, t: number): number {
  const g = d.groupOfTarget[t]
  const contained = d.looseInTarget(l, t)
  // Both kinds of evidence need at least this much of l in t; most pairs stop here, cheaply.
  if (contained < MIN_SOURCE_SHARE) return 0
  if (!g) return contained >= MIN_CONTAINMENT ? contained : 0
  if (d.targetsOf(g).length > 1) return 0
  const siblings = d.looseOf(g)
  // Most of l is in t, beyond what t's own counterpart already shares with l.
  const explained = Math.max(...siblings.map((k) => d.looseInSibling(l, k)))
  const direct = contained >= MIN_CONTAINMENT && contained - explained >= MIN_CONTAINMENT_GAIN ? contained - explained : 0
  // Or a large part of t comes from l and from nothing else in the group.
  const gain = d.targetCoveredBy(t, [...siblings, l]) - d.targetCoveredBy(t, siblings)
  const shared = d.targetInLoose(t, l) >= MIN_SHARED && gain >= MIN_COVERAGE_GAIN ? gain : 0
  return Math.max(direct, shared)
}

function attachMerges(
  oldCount: number,
  newCount: number,
  m: ItemSimilarity,
  oldGroup: (ItemGroup | undefined)[],
  newGroup: (ItemGroup | undefined)[],
  link: (o: number, n: number, by: 'content') => void,
): void {
  attach({
    looseCount: oldCount,
    targetCount: newCount,
    looseInTarget: (o, n) => m.oldInNew(o, n),
    targetInLoose: (n, o) => m.newInOld(n, o),
    looseInSibling: (o, k) => m.oldInOld(o, k),
    targetCoveredBy: (n, olds) => m.newCoveredByOlds(n, olds),
    groupOfLoose: oldGroup,
    groupOfTarget: newGroup,
    looseOf: (g) => g.olds,
    targetsOf: (g) => g.news,
    pair: (o, n) => link(o, n, 'content'),
  })
}

function attachSplits(
  oldCount: number,
  newCount: number,
  m: ItemSimilarity,
  oldGroup: (ItemGroup | undefined)[],
  newGroup: (ItemGroup | undefined)[],
  link: (o: number, n: number, by: 'content') => void,
): void {
  attach({
    looseCount: newCount,
    targetCount: oldCount,
    looseInTarget: (n, o) => m.newInOld(n, o),
    targetInLoose: (o, n) => m.oldInNew(o, n),
    looseInSibling: (n, k) => m.newInNew(n, k),
    targetCoveredBy: (o, news) => m.oldCoveredByNews(o, news),
    groupOfLoose: newGroup,
    groupOfTarget: oldGroup,
    looseOf: (g) => g.news,
    targetsOf: (g) => g.olds,
    pair: (n, o) => link(o, n, 'content'),
  })
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

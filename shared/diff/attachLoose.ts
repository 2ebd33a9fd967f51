import type { ItemGroup, MatchState } from './itemGroup.ts'

/** Share of an item's text that must be found in another item to call it merged into (or split out of) it. */
export const MIN_CONTAINMENT = 0.5
/** How much more of the item the merge target must hold than the target's own match does. */
export const MIN_CONTAINMENT_GAIN = 0.25

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

/** Unmatched old items whose text went into a new item (merges). */
export function attachMerges({ measures: m, oldGroup, newGroup, link }: MatchState): void {
  attach({
    looseCount: oldGroup.length,
    targetCount: newGroup.length,
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

/** Unmatched new items whose text came out of an old item (splits). */
export function attachSplits({ measures: m, oldGroup, newGroup, link }: MatchState): void {
  attach({
    looseCount: newGroup.length,
    targetCount: oldGroup.length,
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

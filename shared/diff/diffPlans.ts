import { itemPlaces, type ItemPlace } from '../plan/numbering.ts'
import type { Plan } from '../plan/types.ts'
import { compareTargets } from '../targets/compareTargets.ts'
import { extractTargets } from '../targets/extractTargets.ts'
import { compareSections, type SectionComparison } from './compareSections.ts'
import { diffText, ITEM_DIFF_WORK, type TextDiff } from './diffText.ts'
import { documentOrder } from './documentOrder.ts'
import { itemRef, printedText } from './itemRef.ts'
import { longestIncreasing } from './longestIncreasing.ts'
import { matchItems, type ItemGroup, type ItemMatching } from './matchItems.ts'
import { summarise } from './summarise.ts'
import type { ItemDiff, PlanDiff, PlanTargetChange } from './types.ts'

/** Options of diffPlans. */
export interface DiffOptions {
  /** Match items and sections that carry the same id first (a carried-forward draft keeps them). @default true */
  useIds?: boolean
  /** Least content similarity for a match. @default 0.25 */
  minSimilarity?: number
  /** Work limit of one item's character diff, in token comparisons. @default ITEM_DIFF_WORK */
  itemWork?: number
  /** Work limit of all character diffs together; past it changed items show as whole replacements. @default PLAN_DIFF_WORK */
  planWork?: number
}

/**
 * Token comparisons all character diffs of one plan diff may spend together: ten items' worth (about
 * 500 ms of CPU, the old clock limit), far more than two real plans need (the seed against its draft
 * spends about 540). Counted, not timed, so the spans never depend on the machine's speed.
 */
export const PLAN_DIFF_WORK = 3_000_000

/**
 * The structural diff of two plans: items matched by id, content, merge and split; each classified
 * (unchanged, reworded, moved, merged, split, added, removed) with its old and new numbers as
 * printed, readable text spans and target changes; sections matched and classified too. Works for
 * any two plans (last year against a draft, version against version, one district against another).
 */
export function diffPlans(oldPlan: Plan, newPlan: Plan, options: DiffOptions = {}): PlanDiff {
  const useIds = options.useIds ?? true
  const oldPlaces = itemPlaces(oldPlan)
  const newPlaces = itemPlaces(newPlan)
  const matching = matchItems(
    oldPlaces.map((p) => p.item),
    newPlaces.map((p) => p.item),
    { useIds, ...(options.minSimilarity === undefined ? {} : { minSimilarity: options.minSimilarity }) },
  )
  const sections = compareSections(
    oldPlan,
    newPlan,
    matching.groups.map((g) => [oldPlaces[g.primaryOld], newPlaces[g.primaryNew]]),
    useIds,
  )
  const diff = budgetedDiff(options.itemWork ?? ITEM_DIFF_WORK, options.planWork ?? PLAN_DIFF_WORK)
  const orderMoved = outOfOrder(matching.groups, oldPlaces, newPlaces, sections)
  const entries: (ItemDiff & { newIndex?: number; oldIndexes: number[] })[] = []
  // Title, preamble, then items in the new document's order: a plan past its work limit shows its
  // opening in detail and only the later items as whole replacements.
  const title = diff(oldPlan.title, newPlan.title)
  const preamble = diff(oldPlan.preamble.join('\n'), newPlan.preamble.join('\n'))
  for (const g of [...matching.groups].sort((x, y) => x.news[0] - y.news[0])) {
    entries.push({ ...groupDiff(g, matching, oldPlaces, newPlaces, sections, orderMoved.has(g), diff), newIndex: g.news[0], oldIndexes: g.olds })
  }
  for (const n of matching.added) {
    const ref = itemRef(newPlaces[n])
    entries.push({ ...lone('added', ref), old: [], new: [ref], newIndex: n, oldIndexes: [] })
  }
  for (const o of matching.removed) {
    const ref = itemRef(oldPlaces[o])
    entries.push({ ...lone('removed', ref), old: [ref], new: [], oldIndexes: [o] })
  }
  const items = documentOrder(entries).map(({ newIndex: _n, oldIndexes: _o, ...d }) => d)
  const targets: PlanTargetChange[] = items.flatMap((d) => d.targets.map((t) => ({ ...t, oldItems: d.old.map((r) => r.number), newItems: d.new.map((r) => r.number) })))
  return {
    title: { old: oldPlan.title, new: newPlan.title, spans: title.spans },
    preamble: { changed: oldPlan.preamble.join('\n') !== newPlan.preamble.join('\n'), spans: preamble.spans },
    sections: sections.diffs,
    items,
    targets,
    summary: summarise(items, sections.diffs, oldPlaces.length, newPlaces.length),
    timedOut: items.some((d) => d.diffTimedOut) || title.timedOut || preamble.timedOut,
  }
}

function groupDiff(g: ItemGroup, matching: ItemMatching, oldPlaces: ItemPlace[], newPlaces: ItemPlace[], sections: SectionComparison, orderMoved: boolean, diff: (a: string, b: string) => TextDiff): ItemDiff {
  const old = g.olds.map((o) => itemRef(oldPlaces[o]))
  const neu = g.news.map((n) => itemRef(newPlaces[n]))
  const oldText = old.map(printedText).join('\n')
  const newText = neu.map(printedText).join('\n')
  const reworded = oldText !== newText
  const movedSection = sections.movedSection(oldPlaces[g.primaryOld], newPlaces[g.primaryNew])
  const moved = movedSection || orderMoved
  const kind = g.olds.length > 1 ? 'merged' : g.news.length > 1 ? 'split' : moved ? 'moved' : reworded ? 'reworded' : 'unchanged'
  const single = g.olds.length === 1 && g.news.length === 1
  const similarity = !reworded ? 1 : single ? matching.measures.similarity(g.olds[0], g.news[0]) : matching.measures.textSimilarity(oldText, newText)
  const text = diff(oldText, newText)
  const targets = reworded ? compareTargets(extractTargets(oldText), extractTargets(newText)).filter((t) => t.kind !== 'unchanged') : []
  return { kind, old, new: neu, moved, movedSection, reworded, matchedBy: g.matchedBy, similarity: round(similarity), spans: text.spans, diffTimedOut: text.timedOut, targets }
}

function lone(kind: 'added' | 'removed', ref: ReturnType<typeof itemRef>): Omit<ItemDiff, 'old' | 'new'> {
  const text = printedText(ref)
  return { kind, moved: false, movedSection: false, reworded: false, matchedBy: 'none', similarity: 0, spans: [{ op: kind === 'added' ? 'insert' : 'delete', text }], diffTimedOut: false, targets: [] }
}

/**
 * Groups whose items stayed in their section but changed order there: within each container the
 * groups outside a longest run in old order moved; inserting or removing an item moves nothing.
 */
function outOfOrder(groups: ItemGroup[], oldPlaces: ItemPlace[], newPlaces: ItemPlace[], sections: SectionComparison): Set<ItemGroup> {
  const byContainer = new Map<string, ItemGroup[]>()
  for (const g of groups) {
    if (sections.movedSection(oldPlaces[g.primaryOld], newPlaces[g.primaryNew])) continue
    const key = sections.newContainer(newPlaces[g.primaryNew])
    byContainer.set(key, [...(byContainer.get(key) ?? []), g])
  }
  const moved = new Set<ItemGroup>()
  for (const list of byContainer.values()) {
    list.sort((a, b) => a.primaryOld - b.primaryOld)
    const keep = longestIncreasing(list.map((g) => g.primaryNew))
    list.forEach((g, i) => {
      if (!keep.has(i)) moved.add(g)
    })
  }
  return moved
}

/**
 * A text diff that draws on one plan-wide work budget, in call order (fixed by the two plans), so
 * the same two plans always get the same spans. Once the budget is spent, a changed text keeps its
 * common head and tail and shows the middle as one replacement (a pure insertion or deletion needs
 * no work and still shows exactly).
 */
function budgetedDiff(itemWork: number, planWork: number): (a: string, b: string) => TextDiff {
  let left = planWork
  return (a, b) => {
    const result = diffText(a, b, { maxWork: Math.max(0, Math.min(itemWork, left)) })
    left -= result.work
    return result
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

import type { ItemPlace } from '../plan/numbering.ts'
import type { Plan, PlanSection } from '../plan/types.ts'
import { diffText } from './diffText.ts'
import { documentOrder } from './documentOrder.ts'
import { sectionRef, subsectionRef } from './itemRef.ts'
import { longestIncreasing } from './longestIncreasing.ts'
import { matchSections, type Container, type ContainerMatch } from './matchSections.ts'
import type { SectionDiff } from './types.ts'

/** Sections and sub-sections compared, and where each old item's container went. */
export interface SectionComparison {
  diffs: SectionDiff[]
  /** True when a matched item sits in another section or sub-section than its old one's counterpart. */
  movedSection(oldPlace: ItemPlace, newPlace: ItemPlace): boolean
  /** A key of the container an item sits in, in new-plan terms, shared by the items that stayed in it. */
  newContainer(place: ItemPlace): string
}

/** Container key of items directly under a section, before its sub-sections. */
const DIRECT = -1

/**
 * Matches the sections of two plans, then the sub-sections of each matched pair, using the matched
 * items (`pairs`, old place → new place) as evidence alongside the headings.
 */
export function compareSections(oldPlan: Plan, newPlan: Plan, pairs: [ItemPlace, ItemPlace][], useIds: boolean): SectionComparison {
  const flow = (o: number, n: number): number => pairs.filter(([a, b]) => a.sectionNumber - 1 === o && b.sectionNumber - 1 === n).length
  const sectionMatches = matchSections(oldPlan.sections.map(container), newPlan.sections.map(container), flow, useIds)
  const sectionTo = new Map<number, number>()
  for (const m of sectionMatches) if (m.old !== undefined && m.new !== undefined) sectionTo.set(m.old, m.new)
  const subTo = new Map<string, number>()
  const diffs: (SectionDiff & { newIndex?: number; oldIndexes: number[] })[] = []
  const movedSections = outOfOrder(sectionMatches)
  for (const m of sectionMatches) {
    const o = m.old === undefined ? undefined : oldPlan.sections[m.old]
    const n = m.new === undefined ? undefined : newPlan.sections[m.new]
    // Sub-section entries are ordered right after their section: fractional indexes keep them there.
    diffs.push({ ...entry('section', o && sectionRef(o, (m.old ?? 0) + 1), n && sectionRef(n, (m.new ?? 0) + 1), m, movedSections.has(m)), newIndex: m.new, oldIndexes: m.old === undefined ? [] : [m.old] })
    if (m.old === undefined || m.new === undefined || !o || !n) continue
    const subFlow = (a: number, b: number): number =>
      pairs.filter(([x, y]) => x.sectionNumber - 1 === m.old && y.sectionNumber - 1 === m.new && x.subsectionNumber === a + 1 && y.subsectionNumber === b + 1).length
    const subMatches = matchSections(o.subsections.map(container), n.subsections.map(container), subFlow, useIds)
    const movedSubs = outOfOrder(subMatches)
    for (const s of subMatches) {
      if (s.old !== undefined && s.new !== undefined) subTo.set(`${m.old}/${s.old}`, s.new)
      const os = s.old === undefined ? undefined : o.subsections[s.old]
      const ns = s.new === undefined ? undefined : n.subsections[s.new]
      const at = (i: number | undefined): number | undefined => (i === undefined ? undefined : (m.new ?? 0) + (i + 1) / (n.subsections.length + o.subsections.length + 2))
      diffs.push({
        ...entry('subsection', os && subsectionRef(os, (s.old ?? 0) + 1), ns && subsectionRef(ns, (s.new ?? 0) + 1), s, movedSubs.has(s)),
        newIndex: at(s.new),
        oldIndexes: s.old === undefined ? [] : [(m.old ?? 0) + 0.5],
      })
    }
  }
  const mapped = (p: ItemPlace): string => {
    const s = sectionTo.get(p.sectionNumber - 1)
    if (s === undefined) return 'gone'
    if (p.subsectionNumber === undefined) return `${s}/${DIRECT}`
    const u = subTo.get(`${p.sectionNumber - 1}/${p.subsectionNumber - 1}`)
    return u === undefined ? 'gone' : `${s}/${u}`
  }
  const newContainer = (p: ItemPlace): string => `${p.sectionNumber - 1}/${p.subsectionNumber === undefined ? DIRECT : p.subsectionNumber - 1}`
  return {
    diffs: documentOrder(diffs).map(({ newIndex: _n, oldIndexes: _o, ...d }) => d),
    movedSection: (a, b) => mapped(a) !== newContainer(b),
    newContainer,
  }
}

function container(s: { id: string; heading: string; items: unknown[] } & Partial<Pick<PlanSection, 'subsections'>>): Container {
  return { id: s.id, heading: s.heading, size: s.items.length + (s.subsections ?? []).reduce((n, u) => n + u.items.length, 0) }
}

function entry(level: 'section' | 'subsection', old: SectionDiff['old'], neu: SectionDiff['new'], m: ContainerMatch, moved: boolean): SectionDiff {
  const kind = !old ? 'added' : !neu ? 'removed' : old.heading === neu.heading ? 'unchanged' : 'renamed'
  const d: SectionDiff = { kind, level, moved, matchedBy: m.matchedBy, spans: diffText(old?.heading ?? '', neu?.heading ?? '').spans }
  if (old) d.old = old
  if (neu) d.new = neu
  return d
}

/** Matched containers that are out of their old order. */
function outOfOrder(matches: ContainerMatch[]): Set<ContainerMatch> {
  const pairs = matches.filter((m) => m.old !== undefined && m.new !== undefined).sort((a, b) => (a.old ?? 0) - (b.old ?? 0))
  const keep = longestIncreasing(pairs.map((m) => m.new ?? 0))
  return new Set(pairs.filter((_, i) => !keep.has(i)))
}

import { toChineseNumeral } from './chineseNumerals.ts'
import type { Plan, PlanItem, PlanSection, PlanSubsection } from './types.ts'

/*
 * The one numbering walker. Numbers are never stored: they follow from order. Sections count 一、
 * 二、 through the plan, sub-sections （一）（二） restart in each section, items 1. 2. run on across
 * the whole plan, through sub-sections. An untitled section (empty heading) or sub-section still
 * takes its number and label, so that writing its heading later renumbers nothing and the editor,
 * Plan JSON, the review and the printed plan agree on every number. Only print leaves out the
 * empty 一、 line of a plan that has no section headings at all (see printsSectionLabels).
 */

/** The printed label of the n-th section (1-based): 一、 */
export function sectionLabel(n: number): string {
  return `${toChineseNumeral(n)}、`
}

/** The printed label of the n-th sub-section within its section: （一） */
export function subsectionLabel(n: number): string {
  return `（${toChineseNumeral(n)}）`
}

/** The printed label of the n-th item of the whole plan: 1. */
export function itemLabel(n: number): string {
  return `${n}.`
}

/** How the walker reads a plan-shaped tree: a Plan, or the editor's document with positions. */
export interface PlanShape<S, U, I> {
  sections: Iterable<S>
  /** A section's items and sub-sections in document order. */
  sectionChildren(section: S): Iterable<{ item: I } | { subsection: U }>
  subsectionItems(subsection: U): Iterable<I>
}

/** A section, sub-section or item as the walker meets it, with its number and label. */
export type NumberedNode<S, U, I> =
  | { kind: 'section'; node: S; number: number; label: string }
  | { kind: 'subsection'; node: U; number: number; label: string; section: S; sectionNumber: number }
  | { kind: 'item'; node: I; number: number; label: string; section: S; sectionNumber: number; subsection?: U; subsectionNumber?: number }

/** Walks a plan-shaped tree in document order, giving each section, sub-section and item its number. */
export function walkNumbers<S, U, I>(shape: PlanShape<S, U, I>, visit: (node: NumberedNode<S, U, I>) => void): void {
  let sectionNumber = 0
  let itemNumber = 0
  for (const section of shape.sections) {
    visit({ kind: 'section', node: section, number: ++sectionNumber, label: sectionLabel(sectionNumber) })
    let subsectionNumber = 0
    for (const child of shape.sectionChildren(section)) {
      if ('item' in child) {
        visit({ kind: 'item', node: child.item, number: ++itemNumber, label: itemLabel(itemNumber), section, sectionNumber })
        continue
      }
      const subsection = child.subsection
      const n = ++subsectionNumber
      visit({ kind: 'subsection', node: subsection, number: n, label: subsectionLabel(n), section, sectionNumber })
      for (const item of shape.subsectionItems(subsection)) {
        visit({ kind: 'item', node: item, number: ++itemNumber, label: itemLabel(itemNumber), section, sectionNumber, subsection, subsectionNumber: n })
      }
    }
  }
}

/** A plan read by the walker: a section's own items come before its sub-sections. */
function planShape(plan: Plan): PlanShape<PlanSection, PlanSubsection, PlanItem> {
  return {
    sections: plan.sections,
    sectionChildren: (s) => [...s.items.map((item) => ({ item })), ...s.subsections.map((subsection) => ({ subsection }))],
    subsectionItems: (u) => u.items,
  }
}

/** An item with where it sits; numbers are computed from order, never stored. */
export interface ItemPlace {
  item: PlanItem
  /** 1-based, continuous across the whole plan. */
  number: number
  section: PlanSection
  sectionNumber: number
  subsection?: PlanSubsection
  subsectionNumber?: number
}

/** A sub-section with its number, label and items. */
export interface SubsectionPlace {
  subsection: PlanSubsection
  number: number
  label: string
  items: ItemPlace[]
}

/** A section with its number, label, own items and sub-sections. */
export interface SectionPlace {
  section: PlanSection
  number: number
  label: string
  items: ItemPlace[]
  subsections: SubsectionPlace[]
}

/** The numbered outline of a plan: every section, sub-section and item with its number and label. */
export function planOutline(plan: Plan): SectionPlace[] {
  const sections: SectionPlace[] = []
  walkNumbers(planShape(plan), (n) => {
    if (n.kind === 'section') sections.push({ section: n.node, number: n.number, label: n.label, items: [], subsections: [] })
    else if (n.kind === 'subsection') sections[sections.length - 1].subsections.push({ subsection: n.node, number: n.number, label: n.label, items: [] })
    else {
      const s = sections[sections.length - 1]
      const place: ItemPlace = { item: n.node, number: n.number, section: n.section, sectionNumber: n.sectionNumber }
      if (n.subsection) Object.assign(place, { subsection: n.subsection, subsectionNumber: n.subsectionNumber })
      ;(n.subsection ? s.subsections[s.subsections.length - 1].items : s.items).push(place)
    }
  })
  return sections
}

/** Every item of a plan in document order with its derived numbers. */
export function itemPlaces(plan: Plan): ItemPlace[] {
  return planOutline(plan).flatMap((s) => [...s.items, ...s.subsections.flatMap((u) => u.items)])
}

/** All items of a plan in document order. */
export function allItems(plan: Plan): PlanItem[] {
  return itemPlaces(plan).map((p) => p.item)
}

/**
 * Whether print shows section labels: not for a plan without section headings (one untitled
 * section, as an import of plain numbered items gives), whose 一、 would stand alone on its line.
 */
export function printsSectionLabels(plan: Plan): boolean {
  return !(plan.sections.length === 1 && !plan.sections[0].heading.trim())
}

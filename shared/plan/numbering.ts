import { toChineseNumeral } from './chineseNumerals.ts'
import type { Plan, PlanItem, PlanSection, PlanSubsection } from './types.ts'

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

/** Every item of a plan in document order with its derived numbers. */
export function itemPlaces(plan: Plan): ItemPlace[] {
  const places: ItemPlace[] = []
  plan.sections.forEach((section, s) => {
    for (const item of section.items) {
      places.push({ item, number: places.length + 1, section, sectionNumber: s + 1 })
    }
    section.subsections.forEach((subsection, u) => {
      for (const item of subsection.items) {
        places.push({ item, number: places.length + 1, section, sectionNumber: s + 1, subsection, subsectionNumber: u + 1 })
      }
    })
  })
  return places
}

/** All items of a plan in document order. */
export function allItems(plan: Plan): PlanItem[] {
  return itemPlaces(plan).map((p) => p.item)
}

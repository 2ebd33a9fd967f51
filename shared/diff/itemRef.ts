import { itemText } from '../plan/itemText.ts'
import { itemLabel, sectionLabel, subsectionLabel, type ItemPlace } from '../plan/numbering.ts'
import type { ItemRef, SectionRef } from './types.ts'

/** An item as printed in its plan: number, label, section and sub-section, title and body. */
export function itemRef(place: ItemPlace): ItemRef {
  const ref: ItemRef = {
    id: place.item.id,
    number: place.number,
    label: itemLabel(place.number),
    section: { id: place.section.id, number: place.sectionNumber, label: sectionLabel(place.sectionNumber), heading: place.section.heading },
    title: place.item.title,
    body: place.item.body,
  }
  if (place.subsection && place.subsectionNumber) ref.subsection = subsectionRef(place.subsection, place.subsectionNumber)
  return ref
}

/** A section as printed: 一、 and its heading. */
export function sectionRef(section: { id: string; heading: string }, number: number): SectionRef {
  return { id: section.id, number, label: sectionLabel(number), heading: section.heading }
}

/** A sub-section as printed: （一） and its heading. */
export function subsectionRef(subsection: { id: string; heading: string }, number: number): SectionRef {
  return { id: subsection.id, number, label: subsectionLabel(number), heading: subsection.heading }
}

/** The printed text of an item (lead sentence + body). */
export function printedText(ref: ItemRef): string {
  return itemText(ref)
}

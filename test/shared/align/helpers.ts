// Builds small plans for alignment and check tests.
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'

let made = 0

/** An item from a lead sentence and a body; the id defaults to a counter (the same on every run, unlike a random one). */
export function item(title: string, body = '', id?: string): PlanItem {
  return { id: id ?? `item-${++made}`, title, body }
}

/** A one-section plan holding the given items. */
export function planOf(items: PlanItem[], meta: Plan['meta'] = {}, title = '工作要点'): Plan {
  return { title, preamble: [], meta, sections: [{ id: 's1', heading: '重点工作', intro: [], items, subsections: [] }] }
}

import * as Y from 'yjs'
import { allItems } from '../plan/numbering.ts'
import type { ItemBreakdown, Plan } from '../plan/types.ts'
import { breakdownRecordProblem, isEmptyBreakdown, normaliseBreakdown, type BreakdownRecord } from './record.ts'

/**
 * Name of the top-level Y.Map holding 任务分解 fields keyed by item id, beside the plan fragment: the
 * fields follow their item through moves and renumbering, and two people filling in different
 * items (or different cells, one after the other) never collide with the text.
 */
export const BREAKDOWN_MAP = 'breakdown'

/** The breakdown map of a document. */
export function breakdownMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(BREAKDOWN_MAP)
}

/** Who made a change, stored with the record so that the history and the table can say so. */
export interface BreakdownAuthor {
  by: string
  byName?: string
  /** @default now */
  at?: string
}

/** Sets an item's fields (replacing the old ones); empty fields remove the record. */
export function setBreakdown(ydoc: Y.Doc, itemId: string, fields: ItemBreakdown, author?: BreakdownAuthor, origin?: unknown): void {
  const clean = normaliseBreakdown(fields)
  ydoc.transact(() => {
    if (isEmptyBreakdown(clean)) breakdownMap(ydoc).delete(itemId)
    else
      breakdownMap(ydoc).set(itemId, { ...clean, ...(author ? { by: author.by, ...(author.byName ? { byName: author.byName } : {}), at: author.at ?? new Date().toISOString() } : {}) } satisfies BreakdownRecord)
  }, origin)
}

/** One field of a record, for cell-by-cell editing. */
export type BreakdownField = keyof ItemBreakdown

/**
 * Changes one field of an item, keeping the others as they are in the document now: two people
 * editing different cells of one row one after the other both keep their change. (Two writes to
 * one item within the same network round trip still resolve to one of the two records.)
 */
export function setBreakdownField<F extends BreakdownField>(ydoc: Y.Doc, itemId: string, field: F, value: ItemBreakdown[F], author?: BreakdownAuthor, origin?: unknown): void {
  const current = readBreakdowns(ydoc).get(itemId)
  const fields: ItemBreakdown = current ? fieldsOf(current) : {}
  if (value === undefined) delete fields[field]
  else fields[field] = value
  setBreakdown(ydoc, itemId, fields, author, origin)
}

/** Copies the given fields of one item onto another (fill down in the 分解 table); the target's other fields stay. */
export function copyBreakdownFields(ydoc: Y.Doc, fromId: string, toId: string, fields: readonly BreakdownField[], author?: BreakdownAuthor, origin?: unknown): void {
  const records = readBreakdowns(ydoc)
  const source = fieldsOf(records.get(fromId) ?? {})
  const target: ItemBreakdown = fieldsOf(records.get(toId) ?? {})
  for (const field of fields) {
    if (source[field] === undefined) delete target[field]
    else Object.assign(target, { [field]: source[field] })
  }
  setBreakdown(ydoc, toId, target, author, origin)
}

/** Every well-formed record, by item id; malformed entries (from a bad client) are skipped. */
export function readBreakdowns(ydoc: Y.Doc): Map<string, BreakdownRecord> {
  const out = new Map<string, BreakdownRecord>()
  // Reading must not add a root type to a document that has none (readPlan is strictly read-only).
  if (!ydoc.share.has(BREAKDOWN_MAP)) return out
  breakdownMap(ydoc).forEach((value, key) => {
    if (!breakdownRecordProblem(key, value)) out.set(key, value as BreakdownRecord)
  })
  return out
}

/** The fields of a record without who changed it. */
export function fieldsOf(record: BreakdownRecord): ItemBreakdown {
  return normaliseBreakdown(record)
}

/** Puts each item's fields from the map onto the plan's items (in place; the plan was just read). */
export function attachBreakdowns(plan: Plan, records: Map<string, BreakdownRecord>): Plan {
  if (!records.size) return plan
  for (const item of allItems(plan)) {
    const record = records.get(item.id)
    if (record && !isEmptyBreakdown(record)) item.breakdown = fieldsOf(record)
  }
  return plan
}

/** Writes the fields the plan's items carry (an import's notes) into the map, in one transaction. */
export function writeBreakdowns(ydoc: Y.Doc, plan: Plan, origin?: unknown): void {
  const items = allItems(plan).filter((it) => !isEmptyBreakdown(it.breakdown))
  if (!items.length) return
  ydoc.transact(() => {
    for (const item of items) setBreakdown(ydoc, item.id, item.breakdown ?? {}, undefined, origin)
  }, origin)
}

/** Calls `onChange` whenever any item's fields change, locally or from another user; returns the unsubscribe. */
export function observeBreakdowns(ydoc: Y.Doc, onChange: (records: Map<string, BreakdownRecord>) => void): () => void {
  const map = breakdownMap(ydoc)
  const handler = (): void => onChange(readBreakdowns(ydoc))
  map.observe(handler)
  return () => map.unobserve(handler)
}

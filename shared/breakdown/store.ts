import * as Y from 'yjs'
import { allItems } from '../plan/numbering.ts'
import type { ItemBreakdown, Plan } from '../plan/types.ts'
import { BREAKDOWN_FIELDS, breakdownFieldKey, breakdownRecordProblem, isEmptyBreakdown, normaliseBreakdown, parseBreakdownKey, type BreakdownFieldValue, type BreakdownRecord } from './record.ts'

/**
 * Name of the top-level Y.Map holding 任务分解 fields beside the plan fragment, one key per item and
 * field (`itemId#lead`; older documents hold one whole record under the item id, still read): the
 * fields follow their item through moves and renumbering, and two people filling in different
 * cells, even of one item at the same moment, never collide with each other or with the text.
 */
export const BREAKDOWN_MAP = 'breakdown'

/** The breakdown map of a document. */
export function breakdownMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(BREAKDOWN_MAP)
}

/** Who made a change, stored with each field so that the history and the table can say so. */
export interface BreakdownAuthor {
  by: string
  byName?: string
  /** @default now */
  at?: string
}

/** One field of a record, for cell-by-cell editing. */
export type BreakdownField = keyof ItemBreakdown

/** The stamp stored beside a value. */
function stamp(author: BreakdownAuthor | undefined): Omit<BreakdownFieldValue, 'v'> {
  return author ? { by: author.by, ...(author.byName ? { byName: author.byName } : {}), at: author.at ?? new Date().toISOString() } : {}
}

/** Writes one field under its own key (inside the caller's transaction); an empty value clears it. */
function writeField(map: Y.Map<unknown>, itemId: string, field: BreakdownField, value: ItemBreakdown[BreakdownField], author: BreakdownAuthor | undefined): void {
  const clean = normaliseBreakdown({ [field]: value })[field]
  const key = breakdownFieldKey(itemId, field)
  if (clean !== undefined) map.set(key, { v: clean, ...stamp(author) } satisfies BreakdownFieldValue)
  // A whole record kept from before per-field keys may still hold the field: an empty value hides it.
  else if (legacyHas(map, itemId, field)) map.set(key, { v: LIST_FIELDS.has(field) ? [] : '', ...stamp(author) } satisfies BreakdownFieldValue)
  else map.delete(key)
}

const LIST_FIELDS: ReadonlySet<BreakdownField> = new Set(['lead', 'support'])

/** True when the item's whole-record key (older documents) holds the field. */
function legacyHas(map: Y.Map<unknown>, itemId: string, field: BreakdownField): boolean {
  const legacy = map.get(itemId)
  return !!legacy && typeof legacy === 'object' && field in legacy
}

/** Sets an item's fields (replacing the old ones); empty fields are removed. */
export function setBreakdown(ydoc: Y.Doc, itemId: string, fields: ItemBreakdown, author?: BreakdownAuthor, origin?: unknown): void {
  const map = breakdownMap(ydoc)
  ydoc.transact(() => {
    map.delete(itemId)
    for (const field of BREAKDOWN_FIELDS) writeField(map, itemId, field, fields[field], author)
  }, origin)
}

/**
 * Changes one field of an item and no other key: each field lives under its own map key, so two
 * people editing different fields of one item at the same moment both keep their change (two
 * edits of the same field resolve to one of them, as Yjs resolves any map key).
 */
export function setBreakdownField<F extends BreakdownField>(ydoc: Y.Doc, itemId: string, field: F, value: ItemBreakdown[F], author?: BreakdownAuthor, origin?: unknown): void {
  ydoc.transact(() => writeField(breakdownMap(ydoc), itemId, field, value, author), origin)
}

/** Copies the given fields of one item onto another (fill down in the 分解 table); the target's other fields stay. */
export function copyBreakdownFields(ydoc: Y.Doc, fromId: string, toId: string, fields: readonly BreakdownField[], author?: BreakdownAuthor, origin?: unknown): void {
  const source = fieldsOf(readBreakdowns(ydoc).get(fromId) ?? {})
  const map = breakdownMap(ydoc)
  ydoc.transact(() => {
    for (const field of fields) writeField(map, toId, field, source[field], author)
  }, origin)
}

/** Every item with a filled field, by item id, with who changed it last; malformed entries (from a bad client) are skipped. */
export function readBreakdowns(ydoc: Y.Doc): Map<string, BreakdownRecord> {
  const out = new Map<string, BreakdownRecord>()
  // Reading must not add a root type to a document that has none (readPlan is strictly read-only).
  if (!ydoc.share.has(BREAKDOWN_MAP)) return out
  const map = breakdownMap(ydoc)
  const fields: Array<[string, BreakdownField, BreakdownFieldValue]> = []
  map.forEach((value, key) => {
    if (breakdownRecordProblem(key, value)) return
    const { itemId, field } = parseBreakdownKey(key)
    if (field) fields.push([itemId, field, value as BreakdownFieldValue])
    else out.set(itemId, { ...(value as BreakdownRecord) })
  })
  // Per-field keys override the whole record older documents keep; the latest stamp names the last change.
  for (const [itemId, field, value] of fields) {
    const record = out.get(itemId) ?? {}
    Object.assign(record, { [field]: value.v })
    if (value.at && (!record.at || value.at >= record.at)) {
      record.at = value.at
      if (value.by) record.by = value.by
      if (value.byName) record.byName = value.byName
      else delete record.byName
    }
    out.set(itemId, record)
  }
  for (const [itemId, record] of out) if (isEmptyBreakdown(normaliseBreakdown(record))) out.delete(itemId)
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

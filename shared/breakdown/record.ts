import type { ItemBreakdown } from '../plan/types.ts'

/** Bounds of a stored 任务分解 record: names are short, lists are short, a deadline is one phrase. */
export const BREAKDOWN_LIMITS = { name: 40, names: 20, text: 100, key: 100 } as const

/** The fields of an item's 任务分解, each stored under its own key so that concurrent edits of different fields both stay. */
export const BREAKDOWN_FIELDS = ['lead', 'support', 'leader', 'person', 'deadline'] as const

/** Keys one item may use in the breakdown map: one per field plus the whole-record key of documents written before per-field keys. */
export const BREAKDOWN_KEYS_PER_ITEM = BREAKDOWN_FIELDS.length + 1

/** Field names of a stored record: the item's fields plus who changed them last and when. */
const LIST_FIELDS = new Set(['lead', 'support'])
const TEXT_FIELDS = new Set(['leader', 'person', 'deadline', 'by', 'byName', 'at'])
const STAMP_FIELDS = new Set(['by', 'byName', 'at'])

/** What readers of the `breakdown` Y.Map get per item id: the fields and who set them last. */
export interface BreakdownRecord extends ItemBreakdown {
  /** User id of whoever changed the record last. */
  by?: string
  byName?: string
  /** ISO time of the last change. */
  at?: string
}

/** One field as stored under `itemId#field`: its value (empty = cleared) and who set it when. */
export interface BreakdownFieldValue {
  v: string | string[]
  by?: string
  byName?: string
  at?: string
}

/** The map key of one field of one item. */
export function breakdownFieldKey(itemId: string, field: (typeof BREAKDOWN_FIELDS)[number]): string {
  return `${itemId}#${field}`
}

/** Reads a map key: a per-field key `itemId#field`, or a whole-record key (the item id alone, as older documents store it). */
export function parseBreakdownKey(key: string): { itemId: string; field?: (typeof BREAKDOWN_FIELDS)[number] } {
  const at = key.lastIndexOf('#')
  const field = at > 0 ? BREAKDOWN_FIELDS.find((f) => f === key.slice(at + 1)) : undefined
  return field ? { itemId: key.slice(0, at), field } : { itemId: key }
}

/** Why a value stored under a key of the breakdown map is not a bounded field or record, or null when it is one. */
export function breakdownRecordProblem(key: string, value: unknown): string | null {
  if (!key || key.length > BREAKDOWN_LIMITS.key) return 'not an item id'
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'breakdown is not a record'
  const { field } = parseBreakdownKey(key)
  if (field) return fieldValueProblem(field, value as Record<string, unknown>)
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const problem = valueProblem(name, v)
    if (problem) return problem
  }
  return null
}

/** Why a per-field value is not `{v, by?, byName?, at?}` with `v` of the field's type, or null. */
function fieldValueProblem(field: string, value: Record<string, unknown>): string | null {
  if (!('v' in value)) return `breakdown field ${field} without a value`
  for (const [name, v] of Object.entries(value)) {
    const problem = name === 'v' ? valueProblem(field, v) : STAMP_FIELDS.has(name) ? valueProblem(name, v) : `unknown breakdown field ${name.slice(0, 40)}`
    if (problem) return problem
  }
  return null
}

/** Why `v` is not a bounded value for the named field, or null. */
function valueProblem(field: string, v: unknown): string | null {
  if (LIST_FIELDS.has(field)) {
    if (!Array.isArray(v) || v.length > BREAKDOWN_LIMITS.names) return `breakdown field ${field} is not a short list`
    if (!v.every((n) => typeof n === 'string' && n.length <= BREAKDOWN_LIMITS.name)) return `breakdown field ${field} holds a long or non-text name`
    return null
  }
  if (TEXT_FIELDS.has(field)) return typeof v !== 'string' || v.length > BREAKDOWN_LIMITS.text ? `breakdown field ${field} is not short text` : null
  return `unknown breakdown field ${field.slice(0, 40)}`
}

/** Splits a department list as plans write it (组干科、机关党委 / 基教科，德育科 / A,B) into names, dropping a final 等. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;／/\s]+/)
    .map((n) => n.trim().replace(/等$/, ''))
    .filter(Boolean)
}

/** The fields cleaned: names trimmed, empty fields dropped, sizes cut to the stored bounds. */
export function normaliseBreakdown(b: ItemBreakdown): ItemBreakdown {
  const out: ItemBreakdown = {}
  const names = (list: string[] | undefined): string[] => [...new Set((list ?? []).map((n) => n.trim().slice(0, BREAKDOWN_LIMITS.name)).filter(Boolean))].slice(0, BREAKDOWN_LIMITS.names)
  const lead = names(b.lead)
  const support = names(b.support).filter((n) => !lead.includes(n))
  if (lead.length) out.lead = lead
  if (support.length) out.support = support
  for (const key of ['leader', 'person', 'deadline'] as const) {
    const v = b[key]?.trim().slice(0, BREAKDOWN_LIMITS.text)
    if (v) out[key] = v
  }
  return out
}

/** True when no field is filled. */
export function isEmptyBreakdown(b: ItemBreakdown | undefined): boolean {
  return !b || (!b.lead?.length && !b.support?.length && !b.leader && !b.person && !b.deadline)
}

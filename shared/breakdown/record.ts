import type { ItemBreakdown } from '../plan/types.ts'

/** Bounds of a stored 任务分解 record: names are short, lists are short, a deadline is one phrase. */
export const BREAKDOWN_LIMITS = { name: 40, names: 20, text: 100, key: 100 } as const

/** Field names of a stored record: the item's fields plus who changed them last and when. */
const LIST_FIELDS = new Set(['lead', 'support'])
const TEXT_FIELDS = new Set(['leader', 'person', 'deadline', 'by', 'byName', 'at'])

/** What the `breakdown` Y.Map holds per item id: the fields and who set them. */
export interface BreakdownRecord extends ItemBreakdown {
  /** User id of whoever changed the record last. */
  by?: string
  byName?: string
  /** ISO time of the last change. */
  at?: string
}

/** Why a value stored under an item id is not a bounded 任务分解 record, or null when it is one. */
export function breakdownRecordProblem(key: string, value: unknown): string | null {
  if (!key || key.length > BREAKDOWN_LIMITS.key) return 'not an item id'
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'breakdown is not a record'
  for (const [field, v] of Object.entries(value as Record<string, unknown>)) {
    if (LIST_FIELDS.has(field)) {
      if (!Array.isArray(v) || v.length > BREAKDOWN_LIMITS.names) return `breakdown field ${field} is not a short list`
      if (!v.every((n) => typeof n === 'string' && n.length <= BREAKDOWN_LIMITS.name)) return `breakdown field ${field} holds a long or non-text name`
    } else if (TEXT_FIELDS.has(field)) {
      if (typeof v !== 'string' || v.length > BREAKDOWN_LIMITS.text) return `breakdown field ${field} is not short text`
    } else return `unknown breakdown field ${field.slice(0, 40)}`
  }
  return null
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

import * as Y from 'yjs'
import { BREAKDOWN_MAP } from '../../shared/breakdown/store.ts'
import { BREAKDOWN_KEYS_PER_ITEM, breakdownRecordProblem } from '../../shared/breakdown/record.ts'
import { LINKS_MAP, parseLinkKey } from '../../shared/collab/links.ts'
import { META_MAP, PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { REVIEW_ROOT } from '../../shared/review/reviewRoot.ts'
import type { YType } from './schemaViolation.ts'
import type { PlanLimits } from '../../shared/plan/limits.ts'

/** What a root type of a plan document may hold: the plan text, its metadata, alignment links, 任务分解 fields, server-written review data, or nothing. */
export type RootRule = 'plan' | 'meta' | 'links' | 'breakdown' | 'review' | 'foreign'

/**
 * The transaction origin of the server's own writes to the `review` root (comment threads,
 * suggestion authors). Clients never write that root: author and time must come from the server.
 */
export const REVIEW_WRITE = Symbol('server review write')

const RULES: ReadonlyMap<string, RootRule> = new Map([
  [PLAN_FIELD, 'plan'],
  [META_MAP, 'meta'],
  [LINKS_MAP, 'links'],
  [BREAKDOWN_MAP, 'breakdown'],
  [REVIEW_ROOT, 'review'],
])

/**
 * The rule for a root type, found by its name. Any other root is foreign: a client could otherwise
 * park megabytes under a name the plan never reads, and every other client would still sync them.
 */
export function rootRule(doc: Y.Doc, root: YType): RootRule {
  for (const [name, type] of doc.share) if (type === root) return RULES.get(name) ?? 'foreign'
  return 'foreign'
}

const LINK_FIELDS = new Set(['status', 'by', 'byName', 'at', 'districtHash', 'municipalHash', 'districtText', 'municipalText'])

/** Why a value stored under `key` in the links map is not a link record of bounded size, or null. */
export function linkValueProblem(key: string, content: Y.Item['content'], limits: PlanLimits): string | null {
  if (!parseLinkKey(key) || key.length > 200) return 'not a link key'
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return 'link is not a value'
  const value: unknown = content.arr[0]
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'link is not a record'
  const record = value as Record<string, unknown>
  if (record.status !== 'accepted' && record.status !== 'rejected') return 'link without a status'
  for (const [field, v] of Object.entries(record)) {
    if (!LINK_FIELDS.has(field)) return `unknown link field ${field.slice(0, 40)}`
    if (typeof v !== 'string') return `link field ${field} is not text`
    const max = field.endsWith('Text') ? limits.itemChars + 1 : 200
    if (v.length > max) return `link field ${field} is too long`
  }
  return null
}

/**
 * Why a value stored under an item id in the breakdown map is not a bounded 任务分解 record, or null.
 * `keys` is how many keys the map holds now: no more than a plan may have items times the keys an item
 * uses (one per field), or a client could park unbounded records under ids no item has.
 */
export function breakdownValueProblem(key: string, content: Y.Item['content'], keys: number, limits: PlanLimits): string | null {
  if (keys > limits.items * BREAKDOWN_KEYS_PER_ITEM) return 'more breakdown records than a plan may have items'
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return 'breakdown is not a value'
  return breakdownRecordProblem(key, content.arr[0])
}

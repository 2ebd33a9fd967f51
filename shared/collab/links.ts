import * as Y from 'yjs'
import type { PlanItem } from '../plan/types.ts'

/** Name of the top-level Y.Map holding confirmed alignment links, beside the plan fragment. */
export const LINKS_MAP = 'links'
/** Stands in for the municipal item id when a district item is marked local (no counterpart expected). */
export const LOCAL = 'local'
/** Joins the two ids of a link key; an arrow cannot occur in an item id. */
export const LINK_SEPARATOR = '→'

/** What people decided about a suggestion. */
export type LinkStatus = 'accepted' | 'rejected'

/** The value stored under a link key. Flat keys mean concurrent decisions on different links never collide. */
export interface LinkRecord {
  status: LinkStatus
  /** User id of whoever decided. */
  by: string
  /** Their display name when they decided, so that every collaborator can say who it was. */
  byName?: string
  /** ISO time of the decision. */
  at: string
  /** Hash of the district item's text when decided, to notice later edits cheaply. */
  districtHash: string
  /** Hash of the municipal item's text when decided; empty for a local mark. */
  municipalHash: string
  /** Text snapshots when decided, to measure how much either side has changed since. */
  districtText?: string
  municipalText?: string
}

/** A link as read back: the record plus the ids its key names. */
export interface Link extends LinkRecord {
  key: string
  districtItemId: string
  /** A municipal item id, or LOCAL. */
  municipalItemId: string
}

/** The flat key of a link: `${districtItemId}→${municipalItemId}` (or →local). */
export function linkKey(districtItemId: string, municipalItemId: string): string {
  return `${districtItemId}${LINK_SEPARATOR}${municipalItemId}`
}

/** The two ids a link key names, or null when the key is not a link key. */
export function parseLinkKey(key: string): { districtItemId: string; municipalItemId: string } | null {
  const at = key.indexOf(LINK_SEPARATOR)
  if (at <= 0 || at === key.length - 1 || key.indexOf(LINK_SEPARATOR, at + 1) >= 0) return null
  return { districtItemId: key.slice(0, at), municipalItemId: key.slice(at + 1) }
}

/** The links map of a document. */
export function linksMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(LINKS_MAP)
}

/** The text of an item as links snapshot it: lead sentence and body. */
export function itemText(item: Pick<PlanItem, 'title' | 'body'>): string {
  return `${item.title}\n${item.body}`
}

/** FNV-1a hash of a text as 8 hex digits: enough to tell "unchanged" from "changed". */
export function textHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** A decision to record on a suggestion. */
export interface LinkDecision {
  districtItem: Pick<PlanItem, 'id' | 'title' | 'body'>
  municipalItem: Pick<PlanItem, 'id' | 'title' | 'body'>
  status: LinkStatus
  by: string
  /** Display name of whoever decided. */
  byName?: string
  /** @default now */
  at?: string
}

/** Records that a person accepted or rejected a suggested link, with snapshots of both items. */
export function setLink(ydoc: Y.Doc, decision: LinkDecision, origin?: unknown): Link {
  const district = itemText(decision.districtItem)
  const municipal = itemText(decision.municipalItem)
  const record: LinkRecord = {
    status: decision.status,
    by: decision.by,
    ...(decision.byName ? { byName: decision.byName } : {}),
    at: decision.at ?? new Date().toISOString(),
    districtHash: textHash(district),
    municipalHash: textHash(municipal),
    districtText: district,
    municipalText: municipal,
  }
  const key = linkKey(decision.districtItem.id, decision.municipalItem.id)
  ydoc.transact(() => linksMap(ydoc).set(key, record), origin)
  return { ...record, key, districtItemId: decision.districtItem.id, municipalItemId: decision.municipalItem.id }
}

/** Marks a district item local: no municipal counterpart is expected, so coverage stops asking for one. */
export function markLocal(ydoc: Y.Doc, districtItem: Pick<PlanItem, 'id' | 'title' | 'body'>, by: string, at?: string, origin?: unknown, byName?: string): Link {
  const text = itemText(districtItem)
  const record: LinkRecord = { status: 'accepted', by, ...(byName ? { byName } : {}), at: at ?? new Date().toISOString(), districtHash: textHash(text), municipalHash: '', districtText: text }
  const key = linkKey(districtItem.id, LOCAL)
  ydoc.transact(() => linksMap(ydoc).set(key, record), origin)
  return { ...record, key, districtItemId: districtItem.id, municipalItemId: LOCAL }
}

/** Forgets a decision (the suggestion becomes undecided again, or the local mark is lifted). */
export function clearLink(ydoc: Y.Doc, districtItemId: string, municipalItemId: string, origin?: unknown): void {
  ydoc.transact(() => linksMap(ydoc).delete(linkKey(districtItemId, municipalItemId)), origin)
}

/** Every well-formed link in a document, sorted by key; malformed entries (from a bad client) are skipped. */
export function readLinks(ydoc: Y.Doc): Link[] {
  const out: Link[] = []
  linksMap(ydoc).forEach((value, key) => {
    const link = toLink(key, value)
    if (link) out.push(link)
  })
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** The link between two items, if one was decided. */
export function readLink(ydoc: Y.Doc, districtItemId: string, municipalItemId: string): Link | undefined {
  const key = linkKey(districtItemId, municipalItemId)
  return toLink(key, linksMap(ydoc).get(key)) ?? undefined
}

/** Calls `onChange` with all links whenever any link changes, locally or from another user; returns the unsubscribe. */
export function observeLinks(ydoc: Y.Doc, onChange: (links: Link[]) => void): () => void {
  const map = linksMap(ydoc)
  const handler = (): void => onChange(readLinks(ydoc))
  map.observe(handler)
  return () => map.unobserve(handler)
}

function toLink(key: string, value: unknown): Link | null {
  const ids = parseLinkKey(key)
  if (!ids || typeof value !== 'object' || value === null) return null
  const r = value as Record<string, unknown>
  if (r.status !== 'accepted' && r.status !== 'rejected') return null
  if (typeof r.by !== 'string' || typeof r.at !== 'string' || typeof r.districtHash !== 'string' || typeof r.municipalHash !== 'string') return null
  const link: Link = { key, ...ids, status: r.status, by: r.by, at: r.at, districtHash: r.districtHash, municipalHash: r.municipalHash }
  if (typeof r.byName === 'string') link.byName = r.byName
  if (typeof r.districtText === 'string') link.districtText = r.districtText
  if (typeof r.municipalText === 'string') link.municipalText = r.municipalText
  return link
}

import * as Y from 'yjs'
import { textHash } from '../text/hash.ts'
import { LOCAL, linkKey, parseLinkKey, snapshotText, type Link, type LinkRecord, type LinkStatus } from '../align/links.ts'
import type { PlanItem } from '../plan/types.ts'

// The link model moved to shared/align (alignment reads links without the Y.Doc); re-exported for existing importers.
export { textHash } from '../text/hash.ts'
export { LINK_SEPARATOR, LOCAL, linkKey, parseLinkKey, snapshotText, type Link, type LinkRecord, type LinkStatus } from '../align/links.ts'

/** Name of the top-level Y.Map holding confirmed alignment links, beside the plan fragment. */
export const LINKS_MAP = 'links'

/** The links map of a document. */
export function linksMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(LINKS_MAP)
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
  const district = snapshotText(decision.districtItem)
  const municipal = snapshotText(decision.municipalItem)
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
  const text = snapshotText(districtItem)
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

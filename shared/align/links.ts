import { itemText } from '../plan/itemText.ts'
import type { PlanItem } from '../plan/types.ts'

/*
 * The alignment link model: what a decision on a district × municipal pair records, its key and
 * the text hashes that notice later edits. Pure data, so alignment and coverage can read links
 * without depending on where they are stored (shared/collab/links.ts keeps them in the Y.Doc).
 */

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

/** The text of an item as links snapshot and hash it: lead sentence, "\n", body. */
export function snapshotText(item: Pick<PlanItem, 'title' | 'body'>): string {
  return itemText(item, '\n')
}

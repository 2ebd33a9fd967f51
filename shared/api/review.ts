import type { ReviewAuthor } from '../diff/entryAuthors.ts'
import type { PlanJson } from '../plan/planJson.ts'
import type { VersionInfo } from './types.ts'
import type { VisitInfo } from './visits.ts'

// Declared beside the diff that reads it (shared/diff must not import the HTTP contract); part of the contract all the same.
export type { ReviewAuthor }

/**
 * What a review compares the current text with: the prior-year document, a named version of this
 * document, or the text the user saw on their last visit (`seq` names that history position; without
 * it the server uses the user's last recorded visit).
 */
export type ReviewBaseParam = { kind: 'prior' } | { kind: 'version'; versionId: string } | { kind: 'visit'; seq?: number }

/** The base as it travels in a query string: prior, version:<id>, visit or visit:<seq>. */
export function formatReviewBase(base: ReviewBaseParam): string {
  if (base.kind === 'prior') return 'prior'
  if (base.kind === 'version') return `version:${base.versionId}`
  return base.seq === undefined ? 'visit' : `visit:${base.seq}`
}

/** Reads a base from a query string; null when it is none of the forms formatReviewBase writes. */
export function parseReviewBase(raw: string | null): ReviewBaseParam | null {
  if (raw === 'prior') return { kind: 'prior' }
  if (raw === 'visit') return { kind: 'visit' }
  const version = raw ? /^version:([a-z0-9]{1,64})$/.exec(raw) : null
  if (version) return { kind: 'version', versionId: version[1] }
  const visit = raw ? /^visit:(\d{1,15})$/.exec(raw) : null
  if (visit) return { kind: 'visit', seq: Number(visit[1]) }
  return null
}

/** The base a review was computed against, as the server found it. */
export interface ReviewBase {
  kind: ReviewBaseParam['kind']
  /** How the page names it: 上年计划《…》, 版本“征求意见稿”, 上次访问. */
  label: string
  /** The prior document's id (prior). */
  docId?: string
  /** The version's id (version). */
  versionId?: string
  /** History position of the base in this document (version, visit). */
  seq?: number
  /** When the base was made: the version's save time or the visit's time, when known. */
  at?: string
  /** Who saved the version. */
  by?: string
}

/** Answer to GET /api/documents/:id/review?base=…: both texts, and for version and visit bases who changed what. */
export interface ReviewResponse {
  base: ReviewBase
  /** History position of the current text. */
  seq: number
  /** The base text and the current text. The page diffs them itself (shared/diff runs in the browser). */
  old: PlanJson
  new: PlanJson
  /**
   * Version and visit bases: who changed each node since the base, keyed by node id (item, section,
   * sub-section) or by the name of a top-level node (planTitle, preamble, coverNotice, closing).
   */
  authors?: Record<string, ReviewAuthor[]>
}

/** The prior-year document a review can compare with; its title only when the user may read it. */
export interface ReviewPriorInfo {
  id: string
  readable: boolean
  title?: string
}

/** Answer to GET /api/documents/:id/review/bases: the bases the page can offer. */
export interface ReviewBasesResponse {
  prior?: ReviewPriorInfo
  /** Named versions, oldest first. */
  versions: VersionInfo[]
  /** The user's last recorded visit. */
  visit?: VisitInfo
}

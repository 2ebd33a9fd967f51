import type { ReviewAuthor } from '../diff/entryAuthors.ts'
import type { PlanJson } from '../plan/planJson.ts'
import type { DecidedSuggestion } from '../review/adoption.ts'
import type { DecisionRecord } from '../review/suggestDecisions.ts'
import type { SuggestionStamp } from '../review/suggestStamps.ts'
import type { SuggestionKind } from '../review/suggestScan.ts'
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
  /** 修订: every open suggestion of the live document, and those decided since the base (all decided ones against the prior plan). */
  suggestions?: ReviewSuggestion[]
}

/** A suggestion's state on the review page: 待处理, 已接受, 已拒绝. */
export type ReviewSuggestionStatus = 'open' | 'accepted' | 'rejected'

/** One 修订 as the review page lists it beside its items. */
export interface ReviewSuggestion {
  id: string
  status: ReviewSuggestionStatus
  /** As the server stamped it, with the author's 科室 from the accounts; absent for the moment before the stamp. */
  author?: { id: string; name: string; department?: string; color?: string }
  /** ISO time the server stamped it. */
  createdAt?: string
  /** Items it touches (for decided ones, as recorded when they were decided). */
  itemIds: string[]
  /** What it proposes: inserted or deleted words, or a structural change (新增条目, 删除条目, 移动) with the node's text. */
  parts: Array<{ kind: SuggestionKind; text: string }>
  /** Who accepted or rejected it, when, and why (decided ones). */
  decision?: Pick<DecisionRecord, 'by' | 'at' | 'reason'>
}

/** The decided 修订 of a review answer, as the review model's 采纳情况 reads them (the page and the 修改对照表 alike). */
export function decidedOf(suggestions: readonly ReviewSuggestion[] | undefined): DecidedSuggestion[] {
  return (suggestions ?? []).filter((s) => s.status !== 'open').map((s) => ({ itemIds: s.itemIds, decision: s.status === 'accepted' ? 'accepted' : 'rejected', reason: s.decision?.reason }))
}

/** Body of POST /api/documents/:id/suggestions/:sid/reason: the editor's reason for accepting or rejecting (empty removes it). */
export interface SuggestionReasonRequest {
  reason: string
}

/** Answer to POST …/suggestions/:sid/reason: the decision record with its reason. */
export interface SuggestionReasonResponse {
  id: string
  decision: DecisionRecord
}

/**
 * Answer to GET /api/documents/:id/versions/:vid/suggestions: a saved version's text with its open
 * 修订 (ProseMirror JSON with the suggestion marks and attributes) and who made them; `doc` is null
 * when the version has none (the page shows its Plan JSON as before).
 */
export interface VersionSuggestionsResponse {
  doc: unknown
  stamps: Record<string, SuggestionStamp>
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

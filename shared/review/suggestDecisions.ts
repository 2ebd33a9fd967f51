import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import * as Y from 'yjs'
import { reviewRoot } from './reviewRoot.ts'
import { byIds, resolveSuggestions, type Decision } from './suggestResolve.ts'
import { listSuggestions, scanSuggestions, type Suggestion, type SuggestionKind, type SuggestionPart } from './suggestScan.ts'

/** Key of the Y.Map of decision records (suggestion id → DecisionRecord) inside the server-owned review root. */
export const DECISIONS_KEY = 'decisions'

/** Longest reason an editor may give (理由), in characters. */
export const REASON_MAX = 200
/** How much of each part's words a record keeps: enough to recognise it, bounded whatever was suggested. */
const PART_TEXT_MAX = 120
/** How many parts a record keeps (a suggestion touching more is summarised by its first ones). */
const PARTS_MAX = 20

/** What became of a suggestion: its change is part of the text now, or it was turned down. */
export type DecisionOutcome = 'accepted' | 'rejected'

/** A decided suggestion, as the server recorded it from the editor's update (never from a client's claim). */
export interface DecisionRecord {
  decision: DecisionOutcome
  /** The editor or owner whose update decided it. */
  by: { id: string; name: string }
  /** ISO time of the server's clock. */
  at: string
  /** The editor's optional reason (理由), added afterwards through the HTTP API. */
  reason?: string
  /** Items the suggestion touched: its 修改对照表 row is found by them once its marks are gone. */
  itemIds: string[]
  /** What it proposed (kinds and words, cut), for lists after the marks are gone. */
  parts: Array<{ kind: SuggestionKind; text: string }>
}

/** One suggestion an update decided, with the suggestion as it was before. */
export interface InferredDecision {
  id: string
  decision: DecisionOutcome
  suggestion: Suggestion
}

/** The map of decision records of a document, or null before the server wrote the first one. */
export function decisionsMapOf(doc: Y.Doc): Y.Map<unknown> | null {
  const map = reviewRoot(doc).get(DECISIONS_KEY)
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null
}

/** Every well-formed decision record of a document, by suggestion id (anything malformed is never trusted). */
export function readDecisions(doc: Y.Doc): Map<string, DecisionRecord> {
  const out = new Map<string, DecisionRecord>()
  decisionsMapOf(doc)?.forEach((value, id) => {
    const record = asDecision(value)
    if (record) out.set(id, record)
  })
  return out
}

/** The value as a decision record when it has a record's shape. */
export function asDecision(value: unknown): DecisionRecord | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const by = v.by as Record<string, unknown> | undefined
  if (v.decision !== 'accepted' && v.decision !== 'rejected') return undefined
  if (!by || typeof by.id !== 'string' || typeof by.name !== 'string' || typeof v.at !== 'string') return undefined
  if (v.reason !== undefined && typeof v.reason !== 'string') return undefined
  if (!Array.isArray(v.itemIds) || !v.itemIds.every((i) => typeof i === 'string') || !Array.isArray(v.parts)) return undefined
  return value as DecisionRecord
}

/** The record to store for an inferred decision by `by` at `at`. */
export function decisionRecord(d: InferredDecision, by: { id: string; name: string }, at: string): DecisionRecord {
  const parts = d.suggestion.parts.slice(0, PARTS_MAX).map((p) => ({ kind: p.kind, text: p.text.slice(0, PART_TEXT_MAX) }))
  return { decision: d.decision, by, at, itemIds: d.suggestion.itemIds.slice(0, PARTS_MAX), parts }
}

/**
 * The suggestions open in `before` whose every mark is gone in `after`, each with what became of it:
 * accepted when its change is now part of the text (inserted words still there unmarked, deleted
 * words gone, a new item still there, a deleted item gone, a moved item at its new place), else
 * rejected. When `after` is exactly `before` with all of them accepted (or all rejected) — what the
 * 修订 panel's buttons do — that answers it; otherwise (a hand edit, a batch of offline changes)
 * each suggestion is judged on its own.
 */
export function inferDecisions(before: PMNode, after: PMNode): InferredDecision[] {
  const still = new Set(scanSuggestions(after).map((p) => p.id))
  const gone = listSuggestions(before).filter((s) => !still.has(s.id))
  if (!gone.length) return []
  const ids = new Set(gone.map((s) => s.id))
  const uniform: DecisionOutcome | null = after.eq(decided(before, ids, 'accept')) ? 'accepted' : after.eq(decided(before, ids, 'reject')) ? 'rejected' : null
  return gone.map((s) => ({ id: s.id, decision: uniform ?? judge(s, before, after), suggestion: s }))
}

/** `doc` with the suggestions in `ids` accepted or rejected. */
function decided(doc: PMNode, ids: ReadonlySet<string>, decision: Decision): PMNode {
  const tr = new Transform(doc)
  resolveSuggestions(tr, byIds(ids), decision)
  return tr.doc
}

/** One suggestion judged alone: accepted when any of its parts is in the text now (a move by where its item went). */
function judge(s: Suggestion, before: PMNode, after: PMNode): DecisionOutcome {
  if (s.parts.some((p) => p.kind === 'move')) return movedHere(s, before, after) ? 'accepted' : 'rejected'
  return s.parts.some((p) => applied(p, before, after)) ? 'accepted' : 'rejected'
}

function applied(part: SuggestionPart, before: PMNode, after: PMNode): boolean {
  const node = part.node ? nodeIdAt(before, part.from) : null
  if (part.kind === 'insert') return node ? hasNode(after, node) : true
  if (part.kind === 'delete') return node ? !hasNode(after, node) : false
  if (!part.text) return part.kind === 'insertion'
  const count = (doc: PMNode): number => occurrences(textOf(doc, part.itemId), part.text)
  return part.kind === 'insertion' ? count(after) >= count(before) : count(after) < count(before)
}

/** Whether the moved item now stands where the move put it: its place among the items is the accepted one, not the rejected one. */
function movedHere(s: Suggestion, before: PMNode, after: PMNode): boolean {
  const old = s.parts.find((p) => p.kind === 'delete')
  const oldId = old ? nodeIdAt(before, old.from) : null
  if (!oldId) return false
  const place = (doc: PMNode): number => itemOrder(doc).indexOf(oldId)
  const ids = new Set([s.id])
  return place(after) === place(decided(before, ids, 'accept')) && place(after) !== place(decided(before, ids, 'reject'))
}

function nodeIdAt(doc: PMNode, pos: number): string | null {
  const id: unknown = doc.nodeAt(pos)?.attrs.id
  return typeof id === 'string' ? id : null
}

function hasNode(doc: PMNode, id: string): boolean {
  let found = false
  doc.descendants((n) => {
    if (found) return false
    if (n.attrs.id === id) found = true
    return !n.isTextblock
  })
  return found
}

function itemOrder(doc: PMNode): string[] {
  const ids: string[] = []
  doc.descendants((n) => {
    if (n.type.name === 'item' && typeof n.attrs.id === 'string') ids.push(n.attrs.id)
    return !n.isTextblock
  })
  return ids
}

/** The text of the item (the whole document for words outside items, or when the item is gone). */
function textOf(doc: PMNode, itemId: string | null): string {
  let text: string | null = null
  if (itemId)
    doc.descendants((n) => {
      if (text !== null) return false
      if (n.type.name === 'item' && n.attrs.id === itemId) text = n.textContent
      return !n.isTextblock
    })
  return text ?? (itemId ? '' : doc.textContent)
}

function occurrences(haystack: string, needle: string): number {
  let n = 0
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++
  return n
}

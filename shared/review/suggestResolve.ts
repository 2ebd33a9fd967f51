import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { scanSuggestions, type SuggestionPart } from './suggestScan.ts'

/** Accept makes a suggestion part of the text; reject restores the text as it was. */
export type Decision = 'accept' | 'reject'

/** Which suggestions a command decides on. */
export type SuggestionFilter = (part: SuggestionPart) => boolean

/**
 * Accepts or rejects every suggestion part the filter picks, as steps on one transform (so a
 * transaction holding them is one undoable step). Mark and attribute changes go first (they keep
 * positions), then removals from the end of the document backwards. A move is a pair: the node at
 * its new place (`move`) and at its old place (`delete`, same id); accepting keeps the new place
 * under the old item id. Returns how many parts were decided.
 */
export function resolveSuggestions(tr: Transform, pick: SuggestionFilter, decision: Decision): number {
  const parts = scanSuggestions(tr.doc).filter(pick)
  if (!parts.length) return 0
  const moveIds = new Set(parts.filter((p) => p.kind === 'move').map((p) => p.id))
  const removals: Array<{ from: number; to: number }> = []
  const movedIds = new Map<string, string>()
  const { insertion, deletion } = tr.doc.type.schema.marks
  for (const part of parts) {
    const removeIt = removes(part.kind, decision)
    if (removeIt) {
      removals.push({ from: part.from, to: part.to })
      if (part.kind === 'delete' && moveIds.has(part.id) && decision === 'accept') movedIds.set(part.id, tr.doc.nodeAt(part.from)?.attrs.id as string)
      continue
    }
    if (part.kind === 'insertion') tr.removeMark(part.from, part.to, insertion)
    else if (part.kind === 'deletion') tr.removeMark(part.from, part.to, deletion)
    else tr.setNodeAttribute(part.from, 'suggestion', null)
  }
  // An accepted move keeps the item's identity (its id carries comments, links and 任务分解).
  for (const part of parts) {
    const oldId = part.kind === 'move' ? movedIds.get(part.id) : undefined
    if (oldId) tr.setNodeAttribute(part.from, 'id', oldId)
  }
  for (const range of outermost(removals).reverse()) tr.delete(range.from, range.to)
  return parts.length
}

/** Whether deciding a part of this kind removes its content from the document. */
function removes(kind: SuggestionPart['kind'], decision: Decision): boolean {
  if (kind === 'insertion' || kind === 'insert' || kind === 'move') return decision === 'reject'
  return decision === 'accept'
}

/** Ranges sorted by start, without those inside another (text of a removed item goes with it). */
function outermost(ranges: Array<{ from: number; to: number }>): Array<{ from: number; to: number }> {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || b.to - a.to)
  const out: Array<{ from: number; to: number }> = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.from < last.to) {
      last.to = Math.max(last.to, r.to)
      continue
    }
    out.push({ ...r })
  }
  return out
}

/** Picks the parts of one suggestion. */
export const bySuggestion =
  (id: string): SuggestionFilter =>
  (part) =>
    part.id === id

/** Picks the parts of the suggestions whose ids are in the set (e.g. all of one person's, from the `review` root). */
export const byIds =
  (ids: ReadonlySet<string>): SuggestionFilter =>
  (part) =>
    ids.has(part.id)

/** Picks every part of every suggestion that touches the item (so a move is decided as a whole). */
export function inItem(doc: PMNode, itemId: string): SuggestionFilter {
  const ids = new Set(
    scanSuggestions(doc)
      .filter((p) => p.itemId === itemId)
      .map((p) => p.id),
  )
  return byIds(ids)
}

/** Picks everything (清稿 when accepting). */
export const everySuggestion: SuggestionFilter = () => true

import type { Mark, Node as PMNode } from '@tiptap/pm/model'
import { parseSuggestionAttr, type StructuralKind } from '../editor/nodes/suggestionAttribute.ts'
import { newId } from '../plan/ids.ts'

/** What one part of a suggestion proposes: inserted or deleted text, or an item/section added, deleted or moved here. */
export type SuggestionKind = 'insertion' | 'deletion' | StructuralKind

/** One contiguous part of a suggestion in the document (a suggestion may have several: a replacement is a deletion and an insertion). */
export interface SuggestionPart {
  id: string
  kind: SuggestionKind
  /** Document range: the marked text, or the whole node for a structural part. */
  from: number
  to: number
  /** The text concerned (the node's text for a structural part). */
  text: string
  /** The id of the item it is in (or is), null outside items. */
  itemId: string | null
  /** For structural parts: the node's type name ('item', 'section', 'subsection'). */
  node?: string
}

/** A new random suggestion id (two peers never mint the same one). */
export function newSuggestionId(): string {
  return newId('g')
}

/** The insertion or deletion mark of a text node, if any. */
export function suggestionMark(marks: readonly Mark[], kind: 'insertion' | 'deletion'): Mark | undefined {
  return marks.find((m) => m.type.name === kind)
}

/**
 * Every suggestion part in the document, in document order. Adjacent text of one id and kind is one
 * part; text inside a structurally suggested node is listed too (it may carry other ids).
 */
export function scanSuggestions(doc: PMNode): SuggestionPart[] {
  const parts: SuggestionPart[] = []
  let itemId: string | null = null
  let itemEnd = -1
  doc.descendants((node, pos) => {
    if (pos >= itemEnd) itemId = null
    if (node.type.name === 'item') {
      itemId = (node.attrs.id as string | null) ?? null
      itemEnd = pos + node.nodeSize
    }
    const structural = parseSuggestionAttr(node.attrs.suggestion)
    if (structural) {
      parts.push({ id: structural.id, kind: structural.kind, from: pos, to: pos + node.nodeSize, text: node.textContent, itemId: node.type.name === 'item' ? itemId : null, node: node.type.name })
    }
    if (!node.isText) return true
    for (const kind of ['insertion', 'deletion'] as const) {
      const mark = suggestionMark(node.marks, kind)
      if (!mark) continue
      const id = mark.attrs.id as string
      const last = parts[parts.length - 1]
      if (last && last.id === id && last.kind === kind && last.to === pos) {
        last.to = pos + node.nodeSize
        last.text += node.text ?? ''
      } else parts.push({ id, kind, from: pos, to: pos + node.nodeSize, text: node.text ?? '', itemId })
    }
    return false
  })
  return parts
}

/** One suggestion with all its parts, for lists and panels. */
export interface Suggestion {
  id: string
  parts: SuggestionPart[]
  /** Item ids the suggestion touches, in document order. */
  itemIds: string[]
}

/** The document's suggestions grouped by id, in the order they first appear. */
export function listSuggestions(doc: PMNode): Suggestion[] {
  const byId = new Map<string, Suggestion>()
  for (const part of scanSuggestions(doc)) {
    let s = byId.get(part.id)
    if (!s) byId.set(part.id, (s = { id: part.id, parts: [], itemIds: [] }))
    s.parts.push(part)
    if (part.itemId && !s.itemIds.includes(part.itemId)) s.itemIds.push(part.itemId)
  }
  return [...byId.values()]
}

/**
 * A fingerprint of each suggestion's content (kinds and texts of its parts), to tell which
 * suggestions an update added, removed or changed.
 */
export function suggestionSignatures(doc: PMNode): Map<string, string> {
  const texts = new Map<string, Map<string, string>>()
  for (const part of scanSuggestions(doc)) {
    // By kind, without part boundaries: text typed into the middle of a suggestion splits it into two parts but does not change it.
    const byKind = texts.get(part.id) ?? new Map<string, string>()
    texts.set(part.id, byKind)
    const key = part.node ? `${part.kind}:${part.node}` : part.kind
    byKind.set(key, (byKind.get(key) ?? '') + part.text + (part.node ? '\u0000' : ''))
  }
  const out = new Map<string, string>()
  for (const [id, byKind] of texts)
    out.set(
      id,
      [...byKind]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, t]) => `${k}=${t}`)
        .join('|'),
    )
  return out
}

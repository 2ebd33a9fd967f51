import type { Node as PMNode } from '@tiptap/pm/model'
import { parseSuggestionAttr } from '../../shared/editor/nodes/suggestionAttribute.ts'
import { numberLabels } from '../../shared/editor/extensions/numberLabels.ts'
import type { RunStyle } from './runs.ts'
import { FONT, SIZE } from './fonts.ts'

/** A tracked change: the suggestion id and whether it inserts or deletes. */
export interface TrackedChange {
  kind: 'insertion' | 'deletion'
  id: string
}

/** A stretch of text with one set of review marks. */
export interface Piece {
  text: string
  /** The text's own 修订 mark, if any (it wins over the paragraph's structural change). */
  change?: TrackedChange
  /** Ids of the 批注 threads anchored on these words. */
  comments: string[]
}

/** Pieces printed in one run style (an item's number and lead sentence in bold, its body plain). */
export interface Segment {
  style: RunStyle
  pieces: Piece[]
}

/** How a paragraph of the plan body is laid out (the shapes of server/export/paragraphs.ts). */
export type BlockShape = 'title' | 'body' | 'heading1' | 'heading2' | 'item'

/** One printed paragraph of the plan body, with review marks. */
export interface ReviewBlock {
  shape: BlockShape
  segments: Segment[]
  /** Set when the whole paragraph is a suggested new, deleted or moved item or section (its mark too). */
  change?: TrackedChange
  /** The item the paragraph belongs to (its 任务分解 note follows the item's last paragraph). */
  itemId?: string
  /** Threads whose words are gone, pinned to the end of the paragraph (their item's first). */
  pinned?: string[]
}

/** The plan body of a marked document as paragraphs: preamble, sections, sub-sections and items. */
export interface ReviewBody {
  /** The title, only when it carries review marks (otherwise it is shaped into lines as the clean export does). */
  title?: ReviewBlock
  preamble: ReviewBlock[]
  sections: ReviewBlock[]
}

/**
 * The plan body of the editor's document with its 修订 and 批注 marks, in the order and with the
 * trimming of planParagraphs (server/export/planBody.ts), so that a document without marks prints
 * exactly as the clean export. Numbers are the editor's (numberLabels): a suggested new or moved
 * item is labelled （新增）/（移动） and shifts no other number; an item suggested for deletion keeps its number.
 * `note` gives the text printed after an item (its 任务分解 fields), or null.
 */
export function reviewBody(doc: PMNode, note: (itemId: string) => string | null = () => null): ReviewBody {
  const labels = new Map<number, string>()
  for (const l of numberLabels(doc)) labels.set(l.pos, l.label)
  const body: ReviewBody = { preamble: [], sections: [] }
  const sectionNodes: Array<{ node: PMNode; pos: number }> = []
  doc.forEach((node, offset) => {
    if (node.type.name === 'planTitle') {
      const pieces = trimPieces(piecesOf(node))
      if (pieces.some((p) => p.change || p.comments.length)) body.title = { shape: 'title', segments: [{ style: { font: FONT.title, size: SIZE.hao2 }, pieces }] }
    }
    if (node.type.name === 'preamble') node.forEach((p) => pushBody(body.preamble, p, undefined))
    if (node.type.name === 'section') sectionNodes.push({ node, pos: offset })
  })
  const printLabels = !(sectionNodes.length === 1 && !textOf(sectionNodes[0].node.firstChild).trim())
  const walker = { labels, note, out: body.sections, printLabels }
  for (const { node, pos } of sectionNodes) container(walker, node, pos, undefined)
  return body
}

interface Walker {
  labels: Map<number, string>
  note: (itemId: string) => string | null
  out: ReviewBlock[]
  printLabels: boolean
}

/** A section or sub-section: heading, intro paragraphs, items, sub-sections. */
function container(w: Walker, node: PMNode, pos: number, outer: TrackedChange | undefined): void {
  const change = structuralChange(node) ?? outer
  node.forEach((child, offset) => {
    const at = pos + 1 + offset
    const name = child.type.name
    if (name === 'sectionHeading' || name === 'subsectionHeading') {
      const level = name === 'sectionHeading' ? 1 : 2
      if (level === 1 && !w.printLabels) return
      const font = level === 1 ? FONT.heading1 : FONT.heading2
      const pieces = [plain(w.labels.get(at) ?? ''), ...trimPieces(piecesOf(child))]
      w.out.push(withChange({ shape: level === 1 ? 'heading1' : 'heading2', segments: [{ style: { font }, pieces }] }, change))
    } else if (name === 'paragraph') pushBody(w.out, child, change)
    else if (name === 'item') item(w, child, at, change)
    else if (name === 'subsection') container(w, child, at, change)
  })
}

/** An item: number and lead sentence in bold with its first body paragraph, then the other body paragraphs and its note. */
function item(w: Walker, node: PMNode, pos: number, outer: TrackedChange | undefined): void {
  const change = structuralChange(node) ?? outer
  const itemId = typeof node.attrs.id === 'string' ? node.attrs.id : undefined
  const paragraphs: Piece[][] = []
  node.forEach((child, offset) => {
    if (offset === 0) return
    const pieces = trimPieces(piecesOf(child))
    if (pieces.length) paragraphs.push(pieces)
  })
  const extra = itemId ? w.note(itemId) : null
  if (extra) paragraphs.push([plain(extra)])
  const title = node.firstChild
  const lead = [plain(w.labels.get(pos + 1) ?? ''), ...(title ? trimPieces(piecesOf(title)) : [])]
  const [first, ...rest] = paragraphs
  const segments: Segment[] = [{ style: { bold: true }, pieces: lead }]
  if (first) segments.push({ style: {}, pieces: first })
  w.out.push(withChange({ shape: 'item', segments, ...(itemId ? { itemId } : {}) }, change))
  for (const pieces of rest) w.out.push(withChange({ shape: 'body', segments: [{ style: {}, pieces }], ...(itemId ? { itemId } : {}) }, change))
}

/** A body paragraph, left out when it holds no printed text (as planParagraphs leaves out empty paragraphs). */
function pushBody(out: ReviewBlock[], node: PMNode, change: TrackedChange | undefined): void {
  const pieces = trimPieces(piecesOf(node))
  if (pieces.length) out.push(withChange({ shape: 'body', segments: [{ style: {}, pieces }] }, change))
}

function withChange(block: ReviewBlock, change: TrackedChange | undefined): ReviewBlock {
  return change ? { ...block, change } : block
}

/** The structural suggestion on a node: a new item or section and a moved item's new place insert it, a deleted one (or a move's old place) deletes it. */
function structuralChange(node: PMNode): TrackedChange | undefined {
  const s = parseSuggestionAttr(node.attrs.suggestion)
  if (!s) return undefined
  return { kind: s.kind === 'delete' ? 'deletion' : 'insertion', id: s.id }
}

/** The text of a text block as pieces, one per text node (the node's marks). */
export function piecesOf(block: PMNode): Piece[] {
  const out: Piece[] = []
  block.forEach((child) => {
    if (!child.isText || !child.text) return
    let change: TrackedChange | undefined
    const comments: string[] = []
    for (const mark of child.marks) {
      const id: unknown = mark.attrs.id
      if (typeof id !== 'string') continue
      if (mark.type.name === 'comment') comments.push(id)
      else if (mark.type.name === 'insertion' || mark.type.name === 'deletion') change ??= { kind: mark.type.name, id }
    }
    const piece: Piece = { text: child.text, comments }
    if (change) piece.change = change
    const last = out[out.length - 1]
    if (last && sameMarks(last, piece)) last.text += piece.text
    else out.push(piece)
  })
  return out
}

/** Pieces with the paragraph's leading and trailing white space removed; empty when nothing is left. */
export function trimPieces(pieces: Piece[]): Piece[] {
  const out = pieces.map((p) => ({ ...p }))
  while (out.length && !(out[0].text = out[0].text.trimStart())) out.shift()
  while (out.length && !(out[out.length - 1].text = out[out.length - 1].text.trimEnd())) out.pop()
  return out
}

function plain(text: string): Piece {
  return { text, comments: [] }
}

function sameMarks(a: Piece, b: Piece): boolean {
  return a.change?.kind === b.change?.kind && a.change?.id === b.change?.id && a.comments.length === b.comments.length && a.comments.every((c, i) => c === b.comments[i])
}

function textOf(node: PMNode | null | undefined): string {
  return node?.textContent ?? ''
}

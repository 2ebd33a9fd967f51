import type { Node as PMNode } from '@tiptap/pm/model'
import type { TextSpot } from '../../shared/checks/types.ts'
import { findItemNode } from './itemNodes.ts'

/** A span of text in the editor's document. */
export interface TextRange {
  from: number
  to: number
}

/**
 * Where a check's fix applies in the editor's document, or null when that text no longer holds what
 * the fix removes (someone edited it since the check ran): a stale fix is refused, never misapplied.
 * Offsets follow pmToPlan: an item body is its non-empty paragraphs joined by "\n".
 */
export function fixRange(doc: PMNode, fix: TextSpot): TextRange | null {
  if (fix.remove.includes('\n')) return null
  const start = fieldStart(doc, fix)
  if (start === null) return null
  const range = { from: start, to: start + fix.remove.length }
  if (range.to > doc.content.size || doc.textBetween(range.from, range.to, '\n', '') !== fix.remove) return null
  return range
}

function fieldStart(doc: PMNode, fix: TextSpot): number | null {
  if (fix.field === 'planTitle') {
    const title = planTitleRange(doc)
    return title ? title.from + fix.index : null
  }
  if (fix.field === 'preamble') return preambleStart(doc, fix.paragraph ?? 0, fix.index)
  if (!fix.itemId) return null
  const item = findItemNode(doc, fix.itemId)
  if (!item) return null
  if (fix.field === 'title') return item.pos + 2 + fix.index
  // The body: paragraphs after the lead sentence; empty ones are not part of the plan's text.
  let offset = 0
  let at: number | null = null
  item.node.forEach((child, childOffset, index) => {
    if (at !== null || index === 0 || child.textContent === '') return
    const length = child.textContent.length
    if (fix.index >= offset && fix.index + fix.remove.length <= offset + length) at = item.pos + 1 + childOffset + 1 + (fix.index - offset)
    offset += length + 1
  })
  return at
}

/** A preamble paragraph's text range, counted as pmToPlan counts them: empty paragraphs are not part of the plan. */
export function preambleParagraph(doc: PMNode, paragraph: number): TextRange | null {
  let range: TextRange | null = null
  doc.forEach((node, offset) => {
    if (range || node.type.name !== 'preamble') return
    let seen = 0
    node.forEach((child, childOffset) => {
      if (range || child.textContent === '') return
      const from = offset + 1 + childOffset + 1
      if (seen++ === paragraph) range = { from, to: from + child.content.size }
    })
  })
  return range
}

/** The plan title's text range. */
export function planTitleRange(doc: PMNode): TextRange | null {
  let range: TextRange | null = null
  doc.forEach((node, offset) => {
    if (!range && node.type.name === 'planTitle') range = { from: offset + 1, to: offset + 1 + node.content.size }
  })
  return range
}

function preambleStart(doc: PMNode, paragraph: number, index: number): number | null {
  const range = preambleParagraph(doc, paragraph)
  return range ? range.from + index : null
}

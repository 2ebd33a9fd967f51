import type { Node as PMNode } from '@tiptap/pm/model'
import { numberLabels } from '../editor/extensions/numberLabels.ts'

/** Where a comment thread's words are in the editor's document. */
export interface CommentAnchor {
  id: string
  /** From the first to the last marked character (document positions). */
  from: number
  to: number
  /** The item the words are in, or null (a heading, the title, the notice). */
  itemId: string | null
  /** The numbers of the section, sub-section and item around the words, e.g. 二、（一）3., or ''. */
  label: string
}

const NUMBERED = new Set(['section', 'subsection', 'item'])

/** Every comment mark's words in document order (a thread's anchor is its first word), with the item and its number. */
export function commentAnchorsIn(doc: PMNode): CommentAnchor[] {
  const labels = new Map<number, string>()
  for (const l of numberLabels(doc)) labels.set(l.pos, l.label)
  const anchors = new Map<string, CommentAnchor>()
  doc.descendants((node, pos) => {
    if (!node.isText) return true
    for (const mark of node.marks) {
      const id: unknown = mark.attrs.id
      if (mark.type.name !== 'comment' || typeof id !== 'string') continue
      const end = pos + node.nodeSize
      const known = anchors.get(id)
      if (known) known.to = Math.max(known.to, end)
      else anchors.set(id, { id, from: pos, to: end, ...placeOf(doc, pos, labels) })
    }
    return false
  })
  return [...anchors.values()].sort((a, b) => a.from - b.from)
}

function placeOf(doc: PMNode, pos: number, labels: Map<number, string>): { itemId: string | null; label: string } {
  const $pos = doc.resolve(pos)
  let itemId: string | null = null
  let label = ''
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth)
    if (!NUMBERED.has(node.type.name)) continue
    label += labels.get($pos.before(depth) + 1) ?? ''
    if (node.type.name === 'item' && typeof node.attrs.id === 'string') itemId = node.attrs.id
  }
  return { itemId, label }
}

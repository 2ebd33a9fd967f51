import type { Node as PMNode } from '@tiptap/pm/model'
import type { TextRange } from '../analysis/fixRange.ts'

/**
 * Every occurrence of `query` in the document's text blocks (title, notice, headings, lead sentences,
 * paragraphs), in document order. A match never spans two blocks: each is a line of the printed plan.
 * Derived numbers are decorations, not text, so searching "1." finds only typed text.
 */
export function findMatches(doc: PMNode, query: string): TextRange[] {
  const matches: TextRange[] = []
  if (!query) return matches
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc')
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) {
      matches.push({ from: pos + 1 + at, to: pos + 1 + at + query.length })
    }
    return false
  })
  return matches
}

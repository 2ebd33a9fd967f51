import type { Node as PMNode } from '@tiptap/pm/model'
import type { TextRange } from './fixRange.ts'

/** The text range of the date line of the cover notice or the closing, or of the container's last line when it has none. */
export function noticeDateRange(doc: PMNode, container: 'notice' | 'closing'): TextRange | null {
  const type = container === 'notice' ? 'coverNotice' : 'closing'
  let range: TextRange | null = null
  doc.forEach((node, offset) => {
    if (range || node.type.name !== type) return
    node.forEach((line, lineOffset, index) => {
      if (line.attrs.role === 'date' || (!range && index === node.childCount - 1)) {
        const from = offset + 1 + lineOffset + 1
        range = { from, to: from + line.content.size }
      }
    })
  })
  return range
}

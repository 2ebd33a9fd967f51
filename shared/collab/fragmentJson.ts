import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'

/**
 * The ProseMirror JSON of a Y.XmlFragment, read without touching the document. y-tiptap's own
 * reader (yXmlFragmentToProseMirrorRootNode) deletes every element that does not fit the schema
 * — a write inside a read, which turned "convert to a plan" into an update deleting a whole item.
 * Text marks are left out: the plan model does not keep them. Open 修订 suggestions read as
 * rejected (the base view: checks, diff, alignment and export see the text before review): text
 * suggested for insertion and items suggested as new or moved here are left out, text and items
 * suggested for deletion stay.
 */
export function fragmentJson(fragment: Y.XmlFragment, topType = 'doc'): JSONContent {
  return { type: topType, content: childrenJson(fragment) }
}

function childrenJson(type: Y.XmlFragment | Y.XmlElement): JSONContent[] {
  const out: JSONContent[] = []
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlText) {
      const text = child
        .toDelta()
        .map((op: { insert?: unknown; attributes?: Record<string, unknown> }) => (typeof op.insert === 'string' && !suggestedInsertion(op.attributes) ? op.insert : ''))
        .join('')
      if (text) out.push({ type: 'text', text })
    } else if (child instanceof Y.XmlElement && !SUGGESTED_HERE.test(String(child.getAttribute('suggestion') ?? ''))) {
      const node: JSONContent = { type: child.nodeName, attrs: child.getAttributes() }
      const content = childrenJson(child)
      if (content.length) node.content = content
      out.push(node)
    }
  }
  return out
}

/** A structural suggestion that adds the node here (insert, or the new place of a move). */
const SUGGESTED_HERE = /^(insert|move):/

/** True when a text run carries an insertion mark (y-tiptap may key it `insertion--<hash>`). */
function suggestedInsertion(attributes: Record<string, unknown> | undefined): boolean {
  if (!attributes) return false
  for (const key of Object.keys(attributes)) if (key === 'insertion' || key.startsWith('insertion--')) return true
  return false
}

import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'

/**
 * The ProseMirror JSON of a Y.XmlFragment, read without touching the document. y-tiptap's own
 * reader (yXmlFragmentToProseMirrorRootNode) deletes every element that does not fit the schema
 * — a write inside a read, which turned "convert to a plan" into an update deleting a whole item.
 * Text marks are left out: the plan model does not keep them.
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
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('')
      if (text) out.push({ type: 'text', text })
    } else if (child instanceof Y.XmlElement) {
      const node: JSONContent = { type: child.nodeName, attrs: child.getAttributes() }
      const content = childrenJson(child)
      if (content.length) node.content = content
      out.push(node)
    }
  }
  return out
}

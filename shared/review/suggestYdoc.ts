import type { Mark, Node as PMNode, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'

/** y-tiptap keeps overlapping marks of one type under `name--<hash>`. */
const HASHED = /--[a-zA-Z0-9+/=]{8}$/

/**
 * The ProseMirror document of a plan fragment, with its marks (fragmentJson leaves marks out), read
 * without writing to the Y.Doc. Throws when the content does not fit the schema.
 */
export function pmDocOfFragment(fragment: Y.XmlFragment, schema: Schema): PMNode {
  return schema.topNodeType.create(null, childrenOf(fragment, schema))
}

function childrenOf(type: Y.XmlFragment | Y.XmlElement, schema: Schema): PMNode[] {
  const out: PMNode[] = []
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (child instanceof Y.XmlText) out.push(...textNodes(child, schema))
    else if (child instanceof Y.XmlElement) {
      const nodeType = schema.nodes[child.nodeName]
      if (!nodeType) throw new Error(`unknown node ${child.nodeName}`)
      out.push(nodeType.createChecked(child.getAttributes(), childrenOf(child, schema)))
    }
  }
  return out
}

function textNodes(text: Y.XmlText, schema: Schema): PMNode[] {
  const out: PMNode[] = []
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string' || !op.insert) continue
    const marks: Mark[] = []
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const markType = schema.marks[key.replace(HASHED, '')]
      if (!markType) throw new Error(`unknown mark ${key}`)
      marks.push(markType.create(value as Record<string, unknown>))
    }
    out.push(schema.text(op.insert, markSet(marks)))
  }
  return out
}

/** Marks sorted into the schema's order (a mark set must be). */
function markSet(marks: Mark[]): readonly Mark[] {
  return marks.reduce<readonly Mark[]>((set, m) => m.addToSet(set), [])
}

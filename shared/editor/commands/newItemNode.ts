import type { Node as PMNode, Schema } from '@tiptap/pm/model'
import { newId } from '../../plan/ids.ts'

/** A new item with its own id, a lead sentence and optional body paragraphs (marks kept). */
export function newItemNode(schema: Schema, title = '', body: readonly PMNode[] = []): PMNode {
  const titleNode = schema.nodes.itemTitle.create(null, title ? schema.text(title) : null)
  return schema.nodes.item.create({ id: newId('i'), carried: false }, [titleNode, ...body])
}

import type { Command } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { selectedItem } from './findItem.ts'
import { itemContainers } from './itemContainers.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    mergePlanItemWithNext: {
      /** Appends the next item (in numbering order, even across sections) to the current item's body. */
      mergePlanItemWithNext: () => ReturnType
    }
  }
}

/**
 * Merges the next item into the current one: its lead sentence and first body paragraph become one
 * body paragraph (as they are printed), its other paragraphs follow. The inverse of splitting.
 */
export const mergePlanItemWithNext =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const item = selectedItem(tr.selection)
    if (!item) return false
    const items = itemContainers(tr.doc).flatMap((c) => c.items)
    const next = items[items.findIndex((it) => it.pos === item.pos) + 1]
    if (!next) return false
    if (dispatch) {
      const { schema } = state
      const [title, ...body] = childrenOf(next.node)
      const firstBody = body.length ? body.shift() : undefined
      const joined = firstBody ? title.content.append(firstBody.content) : title.content
      const paragraphs = [...(joined.size ? [schema.nodes.paragraph.create(null, joined)] : []), ...body]
      tr.delete(next.pos, next.pos + next.node.nodeSize)
      tr.insert(item.pos + item.node.nodeSize - 1, paragraphs)
      tr.scrollIntoView()
    }
    return true
  }

function childrenOf(node: PMNode): PMNode[] {
  const out: PMNode[] = []
  node.forEach((child) => out.push(child))
  return out
}

import type { Command } from '@tiptap/core'
import { Fragment } from '@tiptap/pm/model'
import type { Node as PMNode, Schema } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { splitLeadSentence } from '../../plan/leadSentence.ts'
import { findItem } from './findItem.ts'
import { newItemNode } from './newItemNode.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    splitPlanItem: {
      /** Splits the current item at the cursor: everything after the cursor becomes a new item below it. */
      splitPlanItem: () => ReturnType
    }
  }
}

/**
 * Splits the item at the cursor into two items. Split in the lead sentence, the rest of the sentence
 * becomes the new item's lead and the body goes with it; split in the body, the first sentence after
 * the cursor becomes the new item's lead sentence (as import reads items) and the rest its body.
 */
export const splitPlanItem =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const { $from, empty } = tr.selection
    const item = findItem($from)
    if (!empty || !item || !$from.parent.isTextblock) return false
    const block = $from.index($from.depth - 1)
    const offset = $from.parentOffset
    // Splitting at the very start of the lead sentence would leave an empty item above.
    if (block === 0 && offset === 0) return false
    if (dispatch) {
      const children: PMNode[] = []
      item.node.forEach((child) => children.push(child))
      const head = children[block].cut(0, offset)
      const before = [...children.slice(0, block), ...(block === 0 || head.content.size ? [head] : [])]
      const first = item.node.copy(Fragment.from(before))
      const second = secondHalf(state.schema, children, block, children[block].cut(offset))
      tr.replaceWith(item.pos, item.pos + item.node.nodeSize, [first, second])
      tr.setSelection(TextSelection.create(tr.doc, item.pos + first.nodeSize + 2)).scrollIntoView()
    }
    return true
  }

/** The new item made of the text after the cursor (`tail`) and the blocks after it. */
function secondHalf(schema: Schema, children: PMNode[], block: number, tail: PMNode): PMNode {
  if (block === 0) return newItemNode(schema, tail.textContent, children.slice(1))
  const text = tail.textContent
  const spaces = text.length - text.trimStart().length
  const { title } = splitLeadSentence(text.slice(spaces))
  const rest = trimStart(tail.cut(spaces + title.length))
  return newItemNode(schema, title, [...(rest.content.size ? [rest] : []), ...children.slice(block + 1)])
}

function trimStart(block: PMNode): PMNode {
  const text = block.textContent
  return block.cut(text.length - text.trimStart().length)
}

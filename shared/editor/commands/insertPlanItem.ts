import type { Command } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import { containerAt } from './containerAt.ts'
import { selectedItem } from './findItem.ts'
import { itemContainers } from './itemContainers.ts'
import { newItemNode } from './newItemNode.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    insertPlanItem: {
      /** Inserts an empty item after the current one (or first in the current section) and puts the cursor in its lead sentence. */
      insertPlanItem: () => ReturnType
    }
  }
}

/**
 * Inserts a new, empty item: after the current item; as the first item when the cursor is in a
 * section's heading or intro; as the first item of the plan from the title or preamble; as the
 * last from the closing. Later items renumber by themselves.
 */
export const insertPlanItem =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const at = newItemPosition(tr)
    if (at === null) return false
    if (dispatch) {
      tr.insert(at, newItemNode(state.schema))
      tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView()
    }
    return true
  }

/** Where insertPlanItem puts the new item, or null when the plan has no section to hold it. */
function newItemPosition(tr: Transaction): number | null {
  const { selection, doc } = tr
  const item = selectedItem(selection)
  if (item) return item.pos + item.node.nodeSize
  const container = containerAt(selection.$from)
  if (container) return container.itemsStart
  const containers = itemContainers(doc)
  if (!containers.length) return null
  const inClosing = selection.$from.depth > 0 && selection.$from.node(1).type.name === 'closing'
  return inClosing ? containers[containers.length - 1].itemsEnd : containers[0].itemsStart
}

import type { Command } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    enterItemBody: {
      /** At the end of an item's lead sentence: moves into the body, making its first paragraph when it has none. */
      enterItemBody: () => ReturnType
    }
  }
}

/**
 * Enter at the end of a lead sentence goes to the body. The lead sentence and body print as one
 * paragraph, so an existing body is entered at its start rather than pushed down by a blank line.
 */
export const enterItemBody =
  (): Command =>
  ({ tr, state, dispatch }) => {
    const { $from, empty } = tr.selection
    if (!empty || $from.parent.type.name !== 'itemTitle' || $from.parentOffset !== $from.parent.content.size) return false
    if (dispatch) {
      const bodyStart = $from.after()
      const item = $from.node(-1)
      if (item.childCount < 2) tr.insert(bodyStart, state.schema.nodes.paragraph.create())
      tr.setSelection(TextSelection.create(tr.doc, bodyStart + 1)).scrollIntoView()
    }
    return true
  }

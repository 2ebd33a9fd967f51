import type { Command } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    enterPreamble: {
      /** In the plan's title: moves to the start of the preamble instead of splitting the title. */
      enterPreamble: () => ReturnType
    }
  }
}

/** Enter in the plan title goes to the preamble below it (the schema has exactly one title). */
export const enterPreamble =
  (): Command =>
  ({ tr, dispatch }) => {
    const { $from } = tr.selection
    if ($from.parent.type.name !== 'planTitle') return false
    const preamblePos = $from.after()
    if (tr.doc.nodeAt(preamblePos)?.type.name !== 'preamble') return false
    if (dispatch) tr.setSelection(TextSelection.create(tr.doc, preamblePos + 2)).scrollIntoView()
    return true
  }

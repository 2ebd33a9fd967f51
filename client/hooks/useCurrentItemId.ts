import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { itemIdAt } from '../analysis/itemNodes.ts'

/** The id of the item the cursor is in, or null when it is elsewhere (title, headings, notice). */
export function useCurrentItemId(editor: Editor): string | null {
  return useEditorState({ editor, selector: ({ editor: e }) => itemIdAt(e.state.doc, e.state.selection.from) })
}

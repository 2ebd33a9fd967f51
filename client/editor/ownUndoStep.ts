import type { EditorState } from '@tiptap/pm/state'
import { yUndoPluginKey } from '@tiptap/y-tiptap'

/**
 * Runs an edit as an undo step of its own: the collaborative undo merges edits made within half a
 * second, which would make one Ctrl+Z take back a replacement or a paste together with the typing before it.
 */
export function ownUndoStep(state: EditorState, edit: () => void): void {
  const undo = yUndoPluginKey.getState(state) as { undoManager?: { stopCapturing(): void } } | undefined
  undo?.undoManager?.stopCapturing()
  edit()
  undo?.undoManager?.stopCapturing()
}

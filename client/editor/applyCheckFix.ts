import type { Editor } from '@tiptap/core'
import type { CheckFix } from '../../shared/checks/types.ts'
import { fixTransaction } from '../analysis/fixTransaction.ts'
import { revealRange } from './revealItem.ts'

/**
 * Applies a check's fix as an ordinary edit of this user's (so it reaches every collaborator and
 * Ctrl+Z takes it back). Returns false, changing nothing, when the text has changed since the check ran.
 */
export function applyCheckFix(editor: Editor, fix: CheckFix): boolean {
  return applyCheckFixes(editor, [fix]) === 1
}

/** Applies several fixes as one edit (one Ctrl+Z takes them all back), scrolls to the first; returns how many were applied. */
export function applyCheckFixes(editor: Editor, fixes: CheckFix[]): number {
  const result = fixTransaction(editor.state, fixes)
  if (!result) return 0
  editor.view.dispatch(result.tr)
  // Show what changed (the text may be far from the panel), leaving the keyboard in the panel for the next fix.
  revealRange(editor, result.changed, false)
  return result.applied
}

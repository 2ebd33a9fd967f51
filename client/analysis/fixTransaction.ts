import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { CheckFix } from '../../shared/checks/types.ts'
import { fixRange, type TextRange } from './fixRange.ts'

/**
 * One transaction applying several check fixes, or null when none still applies. Fixes whose text
 * has changed since the check ran, or that overlap one already taken, are skipped. `changed` is the
 * first changed text in the new document, for showing the user what the fix did.
 */
export function fixTransaction(state: EditorState, fixes: CheckFix[]): { tr: Transaction; applied: number; changed: TextRange } | null {
  const planned: (TextRange & { insert: string })[] = []
  for (const fix of fixes) {
    const range = fixRange(state.doc, fix)
    if (range && !planned.some((p) => range.from < p.to && p.from < range.to)) planned.push({ ...range, insert: fix.insert })
  }
  if (!planned.length) return null
  // Last first: an edit never moves the positions of the edits before it.
  planned.sort((a, b) => b.from - a.from)
  const tr = state.tr
  for (const p of planned) tr.insertText(p.insert, p.from, p.to)
  // The first edit in the text was applied last, so no other edit has moved it.
  const first = planned[planned.length - 1]
  return { tr, applied: planned.length, changed: { from: first.from, to: first.from + first.insert.length } }
}

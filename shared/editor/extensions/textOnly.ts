import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform'

/**
 * Whether a transaction only changed text inside text blocks (typing, deleting within a block,
 * marks): no node was added, removed, split, joined or moved, so whatever is derived from the
 * document's structure alone (numbers, per-section notes) can be mapped instead of rebuilt.
 * A collaborator's typing is text-only too: the editor narrows y-tiptap's whole-document
 * replacement to the range that changed (client/editor/MinimalRemoteStep.ts).
 */
export function changesOnlyText(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true
    if (!(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd) return false
    let inline = true
    step.slice.content.forEach((node) => {
      if (!node.isInline) inline = false
    })
    if (!inline) return false
    const doc = tr.docs[i]
    const $from = doc.resolve(step.from)
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(step.to))
  })
}

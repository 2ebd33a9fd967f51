import type { EditorState, Transaction } from '@tiptap/pm/state'
import { SUGGEST_META } from '../editor/extensions/SuggestTransform.ts'
import { resolveSuggestions, type Decision, type SuggestionFilter } from './suggestResolve.ts'

/** What deciding needs of an editor: its state and its dispatch (an EditorView, or Tiptap's editor.view). */
export interface Dispatcher {
  readonly state: EditorState
  dispatch: (tr: Transaction) => void
}

/**
 * Accepts or rejects the suggestions the filter picks as ONE transaction (one undoable step),
 * marked so that 修订 mode does not turn the decision itself into suggestions. Returns false when
 * nothing was picked.
 */
export function decideSuggestions(view: Dispatcher, pick: SuggestionFilter, decision: Decision): boolean {
  const tr = view.state.tr.setMeta(SUGGEST_META, true)
  if (!resolveSuggestions(tr, pick, decision)) return false
  view.dispatch(tr.scrollIntoView())
  return true
}

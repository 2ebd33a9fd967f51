import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { SuggestModeStorage } from '../../../shared/editor/extensions/SuggestMode.ts'
import { reviewRoot } from '../../../shared/review/reviewRoot.ts'
import { readStamps, type SuggestionStamp } from '../../../shared/review/suggestStamps.ts'
import { suggestionDecorations, suggestionDecorationsKey } from './suggestionDecorations.ts'

/** The 修订 state of the page: whether it is on, whether the user may switch it, and the switch. */
export interface SuggestModeState {
  on: boolean
  /** Editors and owners switch it; reviewers always suggest. */
  canToggle: boolean
  toggle: () => void
}

/** The stamps of a document, kept current as the server writes them. */
export function useStamps(ydoc: Y.Doc): Map<string, SuggestionStamp> {
  const [stamps, setStamps] = useState(() => readStamps(ydoc))
  useEffect(() => {
    const root = reviewRoot(ydoc)
    const update = (): void => setStamps(readStamps(ydoc))
    root.observeDeep(update)
    update()
    return () => root.unobserveDeep(update)
  }, [ydoc])
  return stamps
}

/**
 * Wires 修订 into the page's editor: the author colours and hover names, which suggestions are the
 * user's own (from the server's stamps), and the mode itself — always on for a reviewer, a toolbar
 * switch for editors and owners (remembered for this tab).
 */
export function useSuggestMode(editor: Editor, ydoc: Y.Doc, userId: string, reviewing: boolean, canEdit: boolean): SuggestModeState {
  const [chosen, setChosen] = useState(() => sessionStorage.getItem('plan-studio/suggest') === 'on')
  const on = reviewing || (canEdit && chosen)
  useEffect(() => {
    const storage = (editor.storage as unknown as Record<string, SuggestModeStorage>).suggestMode
    storage.isStampedOwn = (id) => readStamps(ydoc).get(id)?.author.id === userId
    const plugin = suggestionDecorations(() => readStamps(ydoc))
    editor.registerPlugin(plugin)
    const root = reviewRoot(ydoc)
    const redraw = (): void => {
      if (!editor.isDestroyed && !editor.view.composing) editor.view.dispatch(editor.state.tr.setMeta(suggestionDecorationsKey, true).setMeta('addToHistory', false))
    }
    root.observeDeep(redraw)
    return () => {
      root.unobserveDeep(redraw)
      if (!editor.isDestroyed) editor.unregisterPlugin(suggestionDecorationsKey)
    }
  }, [editor, ydoc, userId])
  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setSuggestMode(on)
  }, [editor, on])
  return {
    on,
    canToggle: canEdit && !reviewing,
    toggle: () => {
      setChosen(!chosen)
      sessionStorage.setItem('plan-studio/suggest', chosen ? 'off' : 'on')
    },
  }
}

import { Extension } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { TextRange } from '../analysis/fixRange.ts'
import { findMatches } from './findMatches.ts'
import { ownUndoStep } from './ownUndoStep.ts'

/** What 查找和替换 is looking for and which match is the current one. */
export interface FindState {
  query: string
  matches: TextRange[]
  /** Index of the current match, -1 when there is none. */
  current: number
}

const EMPTY: FindState = { query: '', matches: [], current: -1 }

/** Plugin key of the find state, for the find bar to read. */
export const findKey = new PluginKey<FindState>('planFind')

interface FindMeta {
  query?: string
  current?: number
}

/**
 * 查找和替换's highlights: every match of the query across headings, items and the notice, the
 * current one marked apart. Matches are recomputed on every change, collaborators' included, and
 * the current one stays the nearest to where it was.
 */
export const FindReplace = Extension.create({
  name: 'findReplace',
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => EMPTY,
          apply(tr, old) {
            const meta = tr.getMeta(findKey) as FindMeta | undefined
            const query = meta?.query ?? old.query
            if (!meta && !tr.docChanged) return old
            const matches = findMatches(tr.doc, query)
            const was = old.matches[old.current]
            const near = was ? matches.findIndex((m) => m.from >= tr.mapping.map(was.from)) : 0
            const current = meta?.current ?? (matches.length ? Math.max(0, near) : -1)
            return { query, matches, current: matches.length ? Math.min(Math.max(current, 0), matches.length - 1) : -1 }
          },
        },
        props: {
          decorations(state) {
            const find = findKey.getState(state) ?? EMPTY
            if (!find.matches.length) return DecorationSet.empty
            return DecorationSet.create(
              state.doc,
              find.matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === find.current ? 'find-match current' : 'find-match' })),
            )
          },
        },
      }),
    ]
  },
})

/** The find state of an editor state. */
export function findState(state: EditorState): FindState {
  return findKey.getState(state) ?? EMPTY
}

/** Sets what to look for; the current match becomes the first one at or after the cursor. */
export function setFindQuery(editor: Editor, query: string): void {
  const { state } = editor
  const matches = findMatches(state.doc, query)
  const after = matches.findIndex((m) => m.from >= state.selection.from)
  editor.view.dispatch(state.tr.setMeta(findKey, { query, current: after < 0 ? 0 : after }))
  showCurrent(editor)
}

/** Moves to the next (1) or previous (-1) match, wrapping around, and shows it. */
export function findStep(editor: Editor, direction: 1 | -1): void {
  const find = findState(editor.state)
  if (!find.matches.length) return
  const current = (find.current + direction + find.matches.length) % find.matches.length
  editor.view.dispatch(editor.state.tr.setMeta(findKey, { current }))
  showCurrent(editor)
}

/** Replaces the current match and moves on to the next; returns false when there is none. */
export function replaceCurrent(editor: Editor, replacement: string): boolean {
  const find = findState(editor.state)
  const match = find.matches[find.current]
  if (!match || !editor.isEditable) return false
  ownUndoStep(editor.state, () => editor.view.dispatch(editor.state.tr.insertText(replacement, match.from, match.to)))
  showCurrent(editor)
  return true
}

/**
 * Replaces every match in one transaction, so it is one change for collaborators and one Ctrl+Z
 * for this user. Returns how many were replaced.
 */
export function replaceAll(editor: Editor, replacement: string): number {
  const find = findState(editor.state)
  if (!find.matches.length || !editor.isEditable) return 0
  const tr = editor.state.tr
  // Last first: a replacement never moves the matches before it.
  for (const m of [...find.matches].reverse()) tr.insertText(replacement, m.from, m.to)
  ownUndoStep(editor.state, () => editor.view.dispatch(tr))
  return find.matches.length
}

/** Selects the current match and scrolls it to the middle of the view, leaving the focus in the find bar. */
function showCurrent(editor: Editor): void {
  const { view } = editor
  const match = findState(view.state).matches[findState(view.state).current]
  if (!match) return
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, match.from, match.to)))
  const { node } = view.domAtPos(match.from)
  const block = node instanceof HTMLElement ? node : node.parentElement
  block?.scrollIntoView({ block: 'center' })
}

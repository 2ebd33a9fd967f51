import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import { newId } from '../../plan/ids.ts'
import { findItem } from '../commands/findItem.ts'
import { parseSuggestionAttr } from '../nodes/suggestionAttribute.ts'
import { isRemote } from './isRemote.ts'
import { SUGGEST_META, SUGGESTED_EDIT, suggestTransaction, type SuggestContext } from './SuggestTransform.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestMode: {
      /** Turns 修订 mode on or off (reviewers' editors keep it on). */
      setSuggestMode: (on: boolean) => ReturnType
    }
  }
}

/** Options: whether 修订 mode starts on. */
export interface SuggestModeOptions {
  enabled: boolean
}

/**
 * Per-editor state: on or off, the suggestion ids this editor minted, and which other ids are the
 * writer's own (the client answers from the server's stamps in the `review` root).
 */
export interface SuggestModeStorage {
  enabled: boolean
  ownIds: Set<string>
  isStampedOwn: (id: string) => boolean
}

/** Marks whose id, next to a position, continue the writer's run. */
const RUN_MARKS = ['insertion', 'deletion']

/**
 * 修订 (suggestion mode). While on, every local transaction is rewritten into suggestion form
 * (see suggestTransaction), the caret carries an `insertion` mark so typed and IME-composed text is
 * marked as it is typed (the composition is never re-rendered midway, so no pinyin is left behind),
 * and Enter adds a suggested new item after the current one. One id covers a contiguous run by
 * one writer: text next to the writer's own suggestion continues it.
 */
export const SuggestMode = Extension.create<SuggestModeOptions, SuggestModeStorage>({
  name: 'suggestMode',
  priority: 1100,
  addOptions: () => ({ enabled: false }),
  addStorage() {
    return { enabled: this.options.enabled, ownIds: new Set<string>(), isStampedOwn: () => false }
  },
  addCommands() {
    return {
      setSuggestMode:
        (on: boolean) =>
        ({ tr, dispatch }) => {
          this.storage.enabled = on
          if (dispatch) tr.setMeta(SUGGEST_META, true).setStoredMarks(null)
          return true
        },
    }
  },
  addKeyboardShortcuts() {
    return {
      Enter: () => {
        if (!this.storage.enabled) return false
        const { state, view } = this.editor
        const item = findItem(state.selection.$head)
        // Outside items a new paragraph would change the text itself: not a suggestion, so nothing happens.
        if (!item) return true
        const end = item.pos + item.node.nodeSize
        const $end = state.doc.resolve(end)
        const schema = state.schema
        const id = contextOf(this.storage).runId(state.doc)
        const node = schema.nodes.item.create({ id: newId('i'), suggestion: `insert:${id}` }, schema.nodes.itemTitle.create())
        if (!$end.parent.canReplaceWith($end.index(), $end.index(), schema.nodes.item)) return true
        const tr = state.tr.insert(end, node).setMeta(SUGGEST_META, true).setMeta(SUGGESTED_EDIT, true)
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 2)).scrollIntoView())
        return true
      },
    }
  },
  dispatchTransaction({ transaction, next }) {
    if (!this.storage.enabled) return next(stripInheritedInsertion(transaction))
    const rewritten = suggestTransaction(transaction, this.editor.state, contextOf(this.storage))
    if (!rewritten && transaction.docChanged && !isRemote(transaction)) transaction.setMeta(SUGGESTED_EDIT, true)
    next(rewritten ?? transaction)
  },
  addProseMirrorPlugins() {
    const storage = this.storage
    return [
      new Plugin({
        key: new PluginKey('suggestCaret'),
        // The caret carries the run's insertion mark, so that the browser's own typing and IME composition write marked text.
        // Only where the text before the caret does not already carry the writer's own (inclusive)
        // insertion mark, and never during IME composition: stored marks make ProseMirror redraw the
        // caret, and a redraw mid-composition leaves every pinyin stage behind in the text.
        appendTransaction: (transactions, _old, state) => {
          if (!storage.enabled || !state.selection.empty || transactions.every(isRemote)) return null
          if (transactions.some((tr) => tr.getMeta('composition') !== undefined)) return null
          const ctx = contextOf(storage)
          const implied = state.selection.$head.marks().find((m) => m.type.name === 'insertion')
          if (implied && ctx.isOwn(implied.attrs.id as string)) return null
          const id = caretRunId(state, ctx)
          const current = state.storedMarks?.find((m) => m.type.name === 'insertion')
          if (current?.attrs.id === id) return null
          return state.tr.setStoredMarks([state.schema.marks.insertion.create({ id })]).setMeta('addToHistory', false)
        },
      }),
    ]
  },
})

/** The run id for typing at the caret. */
function caretRunId(state: EditorState, ctx: SuggestContext): string {
  return ctx.runId(state.doc, state.selection.head)
}

/** The rewrite's view of this editor: its own ids and how a run id is found or minted. */
function contextOf(storage: SuggestModeStorage): SuggestContext {
  const isOwn = (id: string): boolean => storage.ownIds.has(id) || storage.isStampedOwn(id)
  return {
    isOwn,
    runId: (doc, ...positions) => positions.map((pos) => adjacentOwnId(doc, pos, isOwn)).find((id) => id !== null) ?? mint(storage),
  }
}

function mint(storage: SuggestModeStorage): string {
  const id = newId('g')
  storage.ownIds.add(id)
  return id
}

/** The id of the writer's own suggestion right before or after a position (text marks, or a suggested new item it is in). */
function adjacentOwnId(doc: PMNode, pos: number, isOwn: (id: string) => boolean): string | null {
  const $pos = doc.resolve(pos)
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    for (const mark of node?.marks ?? []) {
      const id = mark.attrs.id as string
      if (RUN_MARKS.includes(mark.type.name) && isOwn(id)) return id
    }
  }
  const item = findItem($pos)
  const s = item ? parseSuggestionAttr(item.node.attrs.suggestion) : null
  return s && s.kind === 'insert' && isOwn(s.id) && !$pos.parent.textContent ? s.id : null
}

/**
 * Outside 修订 mode, a character typed at the end of a suggested insertion would inherit its
 * (inclusive) mark and join someone's suggestion; it is plain text instead. Pastes, IME composition
 * and remote changes are left as they are.
 */
function stripInheritedInsertion(tr: Transaction): Transaction {
  if (tr.steps.length !== 1 || isRemote(tr) || tr.getMeta('composition') !== undefined || tr.getMeta('paste') || tr.getMeta(SUGGEST_META)) return tr
  const step = tr.steps[0]
  if (!(step instanceof ReplaceStep) || step.slice.openStart || step.slice.content.childCount !== 1) return tr
  const node = step.slice.content.firstChild
  const mark = node?.isText ? node.marks.find((m) => m.type.name === 'insertion') : undefined
  if (!node || !mark) return tr
  return tr.removeMark(step.from, step.from + node.nodeSize, mark.type)
}

import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { SuggestionKind } from '../../../shared/review/suggestScan.ts'
import { scanSuggestions } from '../../../shared/review/suggestScan.ts'
import type { SuggestionStamp } from '../../../shared/review/suggestStamps.ts'
import { shownAuthor } from '../../../shared/review/wordAuthor.ts'
import { changesOnlyText } from '../../../shared/editor/extensions/textOnly.ts'
import { stampColor, stampTime } from './authorColor.ts'

/** Dispatch a transaction with this meta when the stamps changed (they arrive from the server after the text). */
export const suggestionDecorationsKey = new PluginKey<DecorationSet>('suggestionDecorations')

/** What each kind of suggestion is called on hover and in labels. */
export const KIND_LABELS: Record<SuggestionKind, string> = { insertion: '插入', deletion: '删除', insert: '新增条目', delete: '删除条目', move: '移动' }

/**
 * Colours each suggestion by its author and names author, time and kind on hover (the marks carry
 * only ids; stamps come from the server-owned `review` root). Structural suggestions get a label.
 */
export function suggestionDecorations(stamps: () => Map<string, SuggestionStamp>): Plugin<DecorationSet> {
  const build = (state: EditorState): DecorationSet => {
    const all = stamps()
    const decorations: Decoration[] = []
    for (const part of scanSuggestions(state.doc)) {
      const stamp = all.get(part.id)
      const who = stamp ? `${shownAuthor(stamp)} ${stampTime(stamp.createdAt)}` : '（正在确认作者）'
      const color = stampColor(stamp)
      const title = `${who} · ${KIND_LABELS[part.kind]}`
      if (part.node) {
        decorations.push(
          Decoration.node(part.from, part.to, {
            style: `--suggest-color: ${color}`,
            title,
            class: `suggest-node suggest-${part.kind}`,
            'data-suggest-label': `${KIND_LABELS[part.kind]} · ${stamp ? shownAuthor(stamp) : ''}`,
          }),
        )
      } else {
        // The decoration's span draws the line in the author's colour (the mark's <ins>/<del> cannot know the author).
        const line = part.kind === 'insertion' ? 'underline 2px' : 'line-through 1.5px'
        decorations.push(Decoration.inline(part.from, part.to, { style: `color: ${color}; text-decoration: ${line} ${color}; text-underline-offset: 3px`, title, class: `suggest-${part.kind}` }))
      }
    }
    return DecorationSet.create(state.doc, decorations)
  }
  return new Plugin<DecorationSet>({
    key: suggestionDecorationsKey,
    state: {
      init: (_config, state) => build(state),
      // During IME composition the decorations only follow the text: redrawing them would re-render the composed text and break it.
      apply: (tr, old, _oldState, state) => {
        if (tr.getMeta('composition') !== undefined) return old.map(tr.mapping, tr.doc)
        if (tr.getMeta(suggestionDecorationsKey)) return build(state)
        if (!tr.docChanged) return old
        // Typing away from every suggestion (here or a collaborator's) leaves them as they are: they move with the text.
        return changesOnlyText(tr) && !touchesSuggestions(tr, old) ? old.map(tr.mapping, tr.doc) : build(state)
      },
    },
    props: {
      decorations: (state) => suggestionDecorationsKey.getState(state),
      handleDOMEvents: {
        // Redraw once the composition is over (ProseMirror reads the composed text first).
        compositionend: (view) => {
          setTimeout(() => view.dispatch(view.state.tr.setMeta(suggestionDecorationsKey, true).setMeta('addToHistory', false)))
          return false
        },
      },
    },
  })
}

/** The marks a suggestion is made of. */
const SUGGESTION_MARKS = new Set(['insertion', 'deletion'])

/**
 * Whether a text-only transaction may change what is suggested: it adds or removes a suggestion
 * mark, writes marked text, or touches (or sits right next to) a drawn suggestion, where a mapped
 * decoration could wrongly grow over plain text. One step at a time, as typing comes.
 */
function touchesSuggestions(tr: Transaction, old: DecorationSet): boolean {
  if (tr.steps.length !== 1) return true
  const step = tr.steps[0]
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return SUGGESTION_MARKS.has(step.mark.type.name)
  if (!(step instanceof ReplaceStep)) return true
  let marked = false
  step.slice.content.descendants((node) => {
    if (node.marks.some((m) => SUGGESTION_MARKS.has(m.type.name))) marked = true
  })
  return marked || old.find(step.from - 1, step.to + 1).length > 0
}

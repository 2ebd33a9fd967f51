import { useEffect, useState } from 'react'
import { decideSuggestions } from '../../../shared/review/suggestDecide.ts'
import { listSuggestions, type Suggestion } from '../../../shared/review/suggestScan.ts'
import { byIds, bySuggestion, everySuggestion, inItem, type Decision, type SuggestionFilter } from '../../../shared/review/suggestResolve.ts'
import type { SuggestionStamp } from '../../../shared/review/suggestStamps.ts'
import { shownAuthor } from '../../../shared/review/wordAuthor.ts'
import type { SidePanelContext } from '../sidePanelRegistry.ts'
import { stampColor, stampTime } from './authorColor.ts'
import { DecisionReason, type JustDecided } from './DecisionReason.tsx'
import { KIND_LABELS } from './suggestionDecorations.ts'
import { useStamps } from './useSuggestMode.ts'
import { WordReturnButton } from './WordReturnDialog.tsx'
import './suggestions.css'

/** The suggestions of the document, kept current with the text. */
function useSuggestions(ctx: SidePanelContext): Suggestion[] {
  const { editor } = ctx
  const [list, setList] = useState(() => listSuggestions(editor.state.doc))
  useEffect(() => {
    const update = (): void => setList(listSuggestions(editor.state.doc))
    editor.on('update', update)
    update()
    return () => {
      editor.off('update', update)
    }
  }, [editor])
  return list
}

/** One person's suggestions. */
interface PersonGroup {
  /** The account; suggestions imported from Word are grouped by the name in the file as well. */
  key: string
  authorId: string
  name: string
  /** The colour their marks are drawn in. */
  color: string
  suggestions: Suggestion[]
}

function byPerson(list: Suggestion[], stamps: Map<string, SuggestionStamp>): PersonGroup[] {
  const groups = new Map<string, PersonGroup>()
  for (const s of list) {
    const stamp = stamps.get(s.id)
    const authorId = stamp?.author.id ?? ''
    const key = stamp?.wordAuthor === undefined ? authorId : `${authorId}\u0000${stamp.wordAuthor}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, authorId, name: stamp ? shownAuthor(stamp) : '作者确认中', color: stampColor(stamp), suggestions: [] }))
    g.suggestions.push(s)
  }
  return [...groups.values()]
}

/** What a suggestion proposes, in a few words: 插入“…” 删除“…” 新增条目“…”. */
function summary(s: Suggestion): string {
  return s.parts.map((p) => `${KIND_LABELS[p.kind]}“${p.text.length > 24 ? `${p.text.slice(0, 24)}…` : p.text}”`).join(' ')
}

/**
 * 修订 side panel: every open suggestion by person, with 接受/拒绝 per suggestion and per person and
 * 全部接受/全部拒绝 (each one undoable step). Reviewers see the list and can withdraw their own.
 */
export function SuggestionsPanel(ctx: SidePanelContext) {
  const { editor, session } = ctx
  const list = useSuggestions(ctx)
  const stamps = useStamps(ctx.collab.ydoc)
  const decide = (pick: SuggestionFilter, decision: Decision) => (): void => {
    decideSuggestions(editor.view, pick, decision)
    editor.commands.focus()
  }
  // One suggestion accepted or rejected: ask for an optional reason (采纳情况 in the 修改对照表).
  const [justDecided, setJustDecided] = useState<JustDecided | null>(null)
  const decideOne = (s: Suggestion, decision: Decision) => (): void => {
    decide(bySuggestion(s.id), decision)()
    setJustDecided({ id: s.id, decision, summary: summary(s) })
  }
  const reasonBox = justDecided && <DecisionReason key={justDecided.id} docId={ctx.docId} decided={justDecided} onDone={() => setJustDecided(null)} />
  const jump = (s: Suggestion): void => {
    const from = s.parts[0]?.from
    if (from !== undefined)
      editor
        .chain()
        .focus()
        .setTextSelection(Math.min(from + 1, editor.state.doc.content.size))
        .scrollIntoView()
        .run()
  }
  const me = session.user.id
  // One tree for the empty and the full list: the 导入返回的Word button keeps its place (and its open
  // dialog with the summary) when the imported suggestions arrive and the list stops being empty.
  return (
    <div className="suggestions-panel" data-testid="suggestions-panel">
      {reasonBox}
      {ctx.canEdit && list.length > 0 && (
        <div className="suggestions-all">
          <span className="suggestions-count" data-testid="suggestions-count">
            共 {list.length} 处修订
          </span>
          <button type="button" className="button primary" data-testid="accept-all" onClick={decide(everySuggestion, 'accept')}>
            全部接受
          </button>
          <button type="button" className="button" data-testid="reject-all" onClick={decide(everySuggestion, 'reject')}>
            全部拒绝
          </button>
        </div>
      )}
      {!list.length && (
        <p className="panel-empty" data-testid="suggestions-empty">
          没有待处理的修订。
        </p>
      )}
      {ctx.canEdit && (
        <div className="suggestions-import">
          <span className="muted">科室修订后返回的 .docx</span>
          <WordReturnButton docId={ctx.docId} />
        </div>
      )}
      {byPerson(list, stamps).map((g) => (
        <section key={g.key} className="suggestions-person" data-testid="suggestions-person">
          <header style={{ ['--suggest-color' as string]: g.color }}>
            <span className="suggestions-dot" aria-hidden="true" />
            <strong>{g.name}</strong>
            <span className="muted">{g.suggestions.length} 处</span>
            {ctx.canEdit && (
              <>
                <button type="button" className="link-button" onClick={decide(byIds(new Set(g.suggestions.map((s) => s.id))), 'accept')}>
                  接受此人全部
                </button>
                <button type="button" className="link-button" onClick={decide(byIds(new Set(g.suggestions.map((s) => s.id))), 'reject')}>
                  拒绝此人全部
                </button>
              </>
            )}
          </header>
          <ul>
            {g.suggestions.map((s) => (
              <li key={s.id} data-testid="suggestion" data-suggestion-id={s.id}>
                <button type="button" className="suggestion-text" onClick={() => jump(s)} title="在正文中查看">
                  {summary(s)}
                </button>
                <span className="muted">{stampTime(stamps.get(s.id)?.createdAt)}</span>
                <span className="suggestion-actions">
                  {ctx.canEdit ? (
                    <>
                      <button type="button" className="link-button" data-testid="accept-suggestion" onClick={decideOne(s, 'accept')}>
                        接受
                      </button>
                      <button type="button" className="link-button" data-testid="reject-suggestion" onClick={decideOne(s, 'reject')}>
                        拒绝
                      </button>
                      {s.itemIds[0] && (
                        <button type="button" className="link-button" title="接受此条目中所有人的全部修订" data-testid="accept-item" onClick={() => decide(inItem(editor.state.doc, s.itemIds[0]), 'accept')()}>
                          本条全部接受
                        </button>
                      )}
                    </>
                  ) : (
                    g.authorId === me && (
                      <button type="button" className="link-button" data-testid="withdraw-suggestion" onClick={decide(bySuggestion(s.id), 'reject')}>
                        撤回
                      </button>
                    )
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

import { useEffect, useMemo, useState } from 'react'
import type { ReviewSuggestion } from '../../../shared/api/review.ts'
import { filterThreads } from '../../../shared/review/commentsPending.ts'
import type { CommentStatus, CommentThread } from '../../../shared/review/commentsTypes.ts'
import { listComments } from '../../api/comments.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import type { ItemView } from '../../review/reviewModel.ts'
import { departmentsOf, entryOf, peopleOf, suggestionVisible, SUGGESTION_STATUS_LABELS, type SideFilter } from '../../review/reviewSide.ts'
import { commentTime } from '../comments/useCommentThreads.ts'
import { SuggestionLine } from './SuggestionLine.tsx'
import '../comments/comments.css'
import '../suggestions/suggestions.css'
import './reviewSuggestions.css'

const THREAD_STATUS: ReadonlyArray<[CommentStatus, string]> = [
  ['open', '未解决'],
  ['resolved', '已解决'],
  ['orphan', '原文已删除'],
  ['all', '全部'],
]

const SUGGESTION_STATUS: ReadonlyArray<[SideFilter['suggestionStatus'], string]> = [
  ['open', SUGGESTION_STATUS_LABELS.open],
  ['accepted', SUGGESTION_STATUS_LABELS.accepted],
  ['rejected', SUGGESTION_STATUS_LABELS.rejected],
  ['all', '全部'],
]

/**
 * Beside the review page's diff: one filter bar (修订 status 待处理 / 已接受 / 已拒绝, 批注 status, a
 * person and a 科室 for both), the 修订 that pass it with the entry each belongs to, and the 批注
 * threads that pass it. The same filter picks the 修订 shown beside each entry of the diff.
 */
export function ReviewSide({
  docId,
  suggestions,
  entries,
  filter,
  onFilter,
  onJump,
}: {
  docId: string
  suggestions: readonly ReviewSuggestion[] | undefined
  entries: ReadonlyMap<string, ItemView>
  filter: SideFilter
  onFilter: (f: SideFilter) => void
  onJump: (key: string) => void
}) {
  const [threads, setThreads] = useState<CommentThread[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    listComments(docId, { status: 'all' }).then(
      (list) => live && setThreads(list),
      (err: unknown) => live && setError(errorMessage(err)),
    )
    return () => {
      live = false
    }
  }, [docId])
  const all = useMemo(() => suggestions ?? [], [suggestions])
  const people = useMemo(() => peopleOf(threads ?? [], all), [threads, all])
  const departments = useMemo(() => departmentsOf(threads ?? [], all), [threads, all])
  const shownThreads = filterThreads(threads ?? [], { status: filter.threadStatus, person: filter.person || undefined, department: filter.department || undefined })
  const shownSuggestions = all.filter((s) => suggestionVisible(s, filter))
  const set = (change: Partial<SideFilter>): void => onFilter({ ...filter, ...change })
  // Nothing to list at all: a narrow column saying so, so the diff keeps its width.
  if (threads && !threads.length && !all.length && !error) {
    return (
      <aside className="review-comments review-side none" aria-label="修订与批注" data-testid="review-comments">
        <h2 className="review-comments-title">修订与批注</h2>
        <p className="comments-empty">暂无修订和批注</p>
      </aside>
    )
  }
  return (
    <aside className="review-comments review-side" aria-label="修订与批注" data-testid="review-comments">
      <div className="review-comments-filters review-side-filters" role="group" aria-label="筛选修订和批注">
        <select value={filter.person} onChange={(e) => set({ person: e.target.value })} aria-label="人员" data-testid="review-filter-person">
          <option value="">所有人</option>
          {people.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select value={filter.department} onChange={(e) => set({ department: e.target.value })} aria-label="科室" data-testid="review-filter-department">
          <option value="">所有科室</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <label className="review-side-status">
          修订
          <select value={filter.suggestionStatus} onChange={(e) => set({ suggestionStatus: e.target.value as SideFilter['suggestionStatus'] })} aria-label="修订状态" data-testid="review-suggestions-status">
            {SUGGESTION_STATUS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="review-side-status">
          批注
          <select value={filter.threadStatus} onChange={(e) => set({ threadStatus: e.target.value as CommentStatus })} aria-label="批注状态" data-testid="review-comments-status">
            {THREAD_STATUS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h2 className="review-comments-title">
        修订 <span className="muted">{shownSuggestions.length}</span>
      </h2>
      {!shownSuggestions.length && <p className="comments-empty">{all.length ? '没有符合条件的修订。' : '暂无修订'}</p>}
      <ul className="rv-suggestion-list" data-testid="review-suggestions">
        {shownSuggestions.map((s) => {
          const entry = entryOf(s, entries)
          return <SuggestionLine key={s.id} s={s} place={entry ? entry.place : '新增条目'} onJump={entry ? () => onJump(entry.key) : undefined} />
        })}
      </ul>
      <h2 className="review-comments-title">
        批注 <span className="muted">{shownThreads.length}</span>
      </h2>
      {error && <p className="form-error">{error}</p>}
      {threads && !shownThreads.length && <p className="comments-empty">{threads.length ? '没有符合条件的批注。' : '暂无批注'}</p>}
      <ul className="comments-list">
        {shownThreads.map((t) => (
          <li key={t.id} className={`comment-thread${t.resolved ? ' resolved' : ''}${t.orphan ? ' orphan' : ''}`} data-testid="review-comment">
            <p className="comment-meta">
              {t.orphan && <span className="comment-orphan-tag">原文已删除</span>}
              {t.resolved && <span className="comment-resolved-tag">已解决</span>}
            </p>
            <p className={`comment-quote${t.orphan ? ' deleted' : ''}`}>{t.quote || '（整条）'}</p>
            <p className="comment-meta">
              <strong>{t.author.name}</strong>
              {t.author.department && <span className="comment-dept">{t.author.department}</span>}
              <time dateTime={t.createdAt}>{commentTime(t.createdAt)}</time>
              {t.replies.length > 0 && <span>{t.replies.length} 条回复</span>}
            </p>
            <p className="comment-text">{t.text}</p>
          </li>
        ))}
      </ul>
    </aside>
  )
}

import { useEffect, useMemo, useState } from 'react'
import { filterThreads } from '../../../shared/review/commentsPending.ts'
import type { CommentStatus, CommentThread } from '../../../shared/review/commentsTypes.ts'
import { listComments } from '../../api/comments.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { commentTime } from './useCommentThreads.ts'
import './comments.css'

const STATUS_LABELS: ReadonlyArray<[CommentStatus, string]> = [
  ['open', '未解决'],
  ['resolved', '已解决'],
  ['orphan', '原文已删除'],
  ['all', '全部'],
]

/**
 * 批注 beside the review page's diff: every thread of the document, filtered by status, by a person
 * who wrote in it and by its author's 科室 (the same filters as GET …/comments).
 */
export function ReviewComments({ docId }: { docId: string }) {
  const [threads, setThreads] = useState<CommentThread[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<CommentStatus>('open')
  const [person, setPerson] = useState('')
  const [department, setDepartment] = useState('')
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
  const people = useMemo(() => {
    const names = new Map<string, string>()
    for (const t of threads ?? []) for (const m of [t, ...t.replies]) names.set(m.author.id, m.author.name)
    return [...names]
  }, [threads])
  const departments = useMemo(() => [...new Set((threads ?? []).map((t) => t.author.department).filter((d): d is string => Boolean(d)))], [threads])
  const shown = filterThreads(threads ?? [], { status, person: person || undefined, department: department || undefined })
  // A document without any 批注 gives the diff the width: a narrow column saying so, no filters.
  if (threads && !threads.length && !error) {
    return (
      <aside className="review-comments none" aria-label="批注" data-testid="review-comments">
        <h2 className="review-comments-title">批注</h2>
        <p className="comments-empty">暂无批注</p>
      </aside>
    )
  }
  return (
    <aside className="review-comments" aria-label="批注" data-testid="review-comments">
      <h2 className="review-comments-title">批注</h2>
      <div className="review-comments-filters">
        <select value={status} onChange={(e) => setStatus(e.target.value as CommentStatus)} aria-label="状态" data-testid="review-comments-status">
          {STATUS_LABELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select value={person} onChange={(e) => setPerson(e.target.value)} aria-label="人员">
          <option value="">所有人</option>
          {people.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select value={department} onChange={(e) => setDepartment(e.target.value)} aria-label="科室">
          <option value="">所有科室</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="form-error">{error}</p>}
      {threads && !shown.length && <p className="comments-empty">没有符合条件的批注。</p>}
      <ul className="comments-list">
        {shown.map((t) => (
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

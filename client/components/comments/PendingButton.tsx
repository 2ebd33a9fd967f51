import { useEffect, useRef, useState } from 'react'
import type { PendingComment } from '../../../shared/review/commentsTypes.ts'
import { pendingComments } from '../../api/comments.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { useDismiss } from '../../hooks/useDismiss.ts'
import { navigate } from '../../router/navigate.ts'
import { commentTime } from './useCommentThreads.ts'
import './comments.css'

/**
 * 待处理 in the header: the comment threads in which someone mentioned the signed-in user and that
 * they have neither answered nor seen resolved. Read when the page opens and each time the list opens.
 */
export function PendingButton() {
  const [pending, setPending] = useState<PendingComment[] | null>(null)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const box = useRef<HTMLDivElement>(null)
  useDismiss(box, open, () => setOpen(false))
  const load = (): void => {
    pendingComments().then(
      (list) => {
        setPending(list)
        setError(null)
      },
      (err: unknown) => setError(errorMessage(err)),
    )
  }
  useEffect(load, [])
  const count = pending?.length ?? 0
  return (
    <div className="pending-box" ref={box}>
      <button
        type="button"
        className={`tool-button pending-button${count ? ' has-pending' : ''}`}
        onClick={() => {
          if (!open) load()
          setOpen(!open)
        }}
        aria-expanded={open}
        title="有人在批注中提到您、等您回复的事项"
        data-testid="pending-button"
      >
        待处理{count ? <span className="pending-count">{count}</span> : null}
      </button>
      {open && (
        <div className="pending-list" role="dialog" aria-label="待处理" data-testid="pending-list">
          {error && <p className="form-error">{error}</p>}
          {!error && !count && <p className="comments-empty">没有待处理的批注。</p>}
          <ul>
            {(pending ?? []).map((p) => {
              const last = p.thread.replies.length ? p.thread.replies[p.thread.replies.length - 1] : p.thread
              return (
                <li key={`${p.docId}/${p.thread.id}`}>
                  <button
                    type="button"
                    className="pending-item"
                    onClick={() => {
                      setOpen(false)
                      navigate({ page: 'editor', docId: p.docId })
                    }}
                  >
                    <span className="pending-doc">{p.docTitle}</span>
                    <span className="comment-quote">{p.thread.quote}</span>
                    <span className="comment-meta">
                      <strong>{last.author.name}</strong> {commentTime(last.createdAt)}：{last.text}
                    </span>
                  </button>
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </div>
  )
}

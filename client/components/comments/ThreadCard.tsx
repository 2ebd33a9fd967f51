import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import type { CommentAnchor } from '../../../shared/review/commentsInDoc.ts'
import type { CommentMessage, CommentThread } from '../../../shared/review/commentsTypes.ts'
import { shownAuthor } from '../../../shared/review/wordAuthor.ts'
import { replyToComment, setCommentResolved } from '../../api/comments.ts'
import { errorMessage } from '../../api/errorMessage.ts'
import { revealRange } from '../../editor/revealItem.ts'
import { commentTime } from './useCommentThreads.ts'

/** What a thread card may offer the signed-in user. */
export interface ThreadPermissions {
  /** Owners, editors and reviewers reply. */
  canReply: boolean
  /** The thread's author or an editor/owner resolves and reopens. */
  canResolve: boolean
}

/**
 * One 批注 thread: where its words are (item number), the quoted words (原文已删除 when they are
 * gone), the comment and its replies, a reply box and 解决 / 重新打开. Clicking the card selects
 * its words in the text.
 */
export function ThreadCard({ editor, docId, thread, anchor, can }: { editor: Editor; docId: string; thread: CommentThread; anchor: CommentAnchor | undefined; can: ThreadPermissions }) {
  const [reply, setReply] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await action()
      setReply('')
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  const reveal = (): void => {
    if (anchor) revealRange(editor, { from: anchor.from, to: anchor.to })
  }
  const orphan = !anchor && thread.orphan
  const classes = ['comment-thread', thread.resolved ? 'resolved' : '', orphan ? 'orphan' : '', anchor ? 'anchored' : ''].filter(Boolean).join(' ')
  return (
    <li className={classes} data-testid="comment-thread" data-thread={thread.id}>
      <button type="button" className="comment-jump" onClick={reveal} disabled={!anchor} title={anchor ? '在正文中显示批注的文字' : '批注的文字已被删除'}>
        {anchor && <span className="comment-where">{anchor.label || '正文'}</span>}
        {orphan && <span className="comment-orphan-tag">原文已删除</span>}
        {thread.resolved && <span className="comment-resolved-tag">已解决</span>}
        <span className={`comment-quote${orphan ? ' deleted' : ''}`}>{thread.quote || '（整条）'}</span>
      </button>
      <Message message={thread} />
      {thread.replies.map((r) => (
        <Message key={r.id} message={r} reply />
      ))}
      {thread.resolved && thread.resolvedBy && (
        <p className="comment-meta">
          {thread.resolvedBy.name} 于 {commentTime(thread.resolvedAt ?? '')} 标为已解决
        </p>
      )}
      {can.canReply && !thread.resolved && (
        <form
          className="comment-reply"
          onSubmit={(e) => {
            e.preventDefault()
            if (reply.trim()) void act(() => replyToComment(docId, thread.id, reply))
          }}
        >
          <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder="回复，可用 @姓名 提醒同事" aria-label="回复批注" maxLength={2000} disabled={busy} data-testid="comment-reply-input" />
          <button type="submit" className="button small" disabled={busy || !reply.trim()} data-testid="comment-reply-send">
            回复
          </button>
        </form>
      )}
      {can.canResolve && (
        <div className="comment-actions">
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => void act(() => setCommentResolved(docId, thread.id, !thread.resolved))}
            data-testid={thread.resolved ? 'comment-reopen' : 'comment-resolve'}
          >
            {thread.resolved ? '重新打开' : '解决'}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}

function Message({ message, reply = false }: { message: CommentMessage; reply?: boolean }) {
  return (
    <div className={`comment-message${reply ? ' reply' : ''}`}>
      <p className="comment-meta">
        <strong>{shownAuthor(message)}</strong>
        {message.author.department && <span className="comment-dept">{message.author.department}</span>}
        <time dateTime={message.createdAt}>{commentTime(message.createdAt)}</time>
      </p>
      <p className="comment-text">{message.text}</p>
    </div>
  )
}

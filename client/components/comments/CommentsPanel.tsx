import { useState } from 'react'
import { formatShortcut } from '../../editor/formatShortcut.ts'
import type { SidePanelContext } from '../sidePanelRegistry.ts'
import { COMMENT_SHORTCUT, mayComment } from './commentRoles.ts'
import { ThreadCard } from './ThreadCard.tsx'
import { orderThreads, useCommentAnchors, useCommentThreads } from './useCommentThreads.ts'
import './comments.css'

/**
 * The 批注 side panel: the document's comment threads in the order of their words, each with its
 * item number; resolved threads on request; threads whose words were deleted last, with their quote.
 */
export function CommentsPanel({ editor, docId, document, session, collab }: SidePanelContext) {
  const threads = useCommentThreads(collab.ydoc)
  const anchors = useCommentAnchors(editor)
  const [showResolved, setShowResolved] = useState(false)
  const role = document?.role
  const canReply = mayComment(role) && document?.status !== 'final'
  const placed = orderThreads(threads, anchors)
  const shown = placed.filter((p) => showResolved || !p.thread.resolved)
  const open = threads.filter((t) => !t.resolved).length
  return (
    <div className="comments-panel" data-testid="comments-panel">
      <div className="comments-head">
        <span>{open ? `${open} 条未解决` : '没有未解决的批注'}</span>
        <label className="comments-toggle">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} data-testid="comments-show-resolved" />
          显示已解决（{threads.length - open}）
        </label>
      </div>
      {!shown.length && <p className="comments-empty">{canReply ? `选中条目中的文字，点工具栏的“批注”（${formatShortcut(COMMENT_SHORTCUT)}）即可添加批注；不选文字则批注整条。` : '暂无批注。'}</p>}
      <ul className="comments-list">
        {shown.map(({ thread, anchor }) => (
          <ThreadCard
            key={thread.id}
            editor={editor}
            docId={docId}
            thread={thread}
            anchor={anchor}
            can={{ canReply, canResolve: canReply && (thread.author.id === session.user.id || role === 'editor' || role === 'owner') }}
          />
        ))}
      </ul>
    </div>
  )
}

import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'
import type { DocRole } from '../../../shared/api/types.ts'
import { selectedItem } from '../../../shared/editor/commands/findItem.ts'
import { newId } from '../../../shared/plan/ids.ts'
import { COMMENT_LIMITS } from '../../../shared/review/commentsTypes.ts'
import { createComment } from '../../api/comments.ts'
import { notify } from '../../state/notices.ts'
import { ActionDialog } from '../Dialog.tsx'
import { mayComment } from './commentRoles.ts'
import { showSideTab } from './showSideTab.ts'

/** The window event the 批注 button sends (it may sit in the toolbar's 更多 menu, which unmounts it). */
export const REQUEST_COMMENT = 'plan-studio:request-comment'

/** The words a new comment is about, kept in step with edits while the dialog is open. */
interface Target {
  itemId: string
  from: number
  to: number
  quote: string
}

/**
 * Adds a 批注: on a request from the 批注 button or on Ctrl+Alt+C it asks for the comment, then
 * marks the selected words with a new comment id and sends the thread to the server, which stamps
 * author and time. Without a selection the whole item is commented (the server marks it). Always
 * mounted on the editor page, so the shortcut works whether or not the button fits the toolbar.
 */
export function CommentComposer({ editor, docId, role, final }: { editor: Editor; docId: string; role: DocRole | undefined; final: boolean }) {
  const [target, setTarget] = useState<Target | null>(null)
  const allowed = mayComment(role) && !final
  const open = (): void => {
    const item = selectedItem(editor.state.selection)
    const { from, to } = editor.state.selection
    if (!item) return notify('请先把光标放在要批注的条目中，或选中条目里的文字', 'error')
    setTarget({ itemId: String(item.node.attrs.id), from, to, quote: editor.state.doc.textBetween(from, to, '') })
  }
  const openRef = useRef(open)
  openRef.current = open
  useEffect(() => {
    if (!allowed) return
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.altKey && e.code === 'KeyC') {
        e.preventDefault()
        openRef.current()
      }
    }
    const onRequest = (): void => openRef.current()
    window.addEventListener('keydown', onKey)
    window.addEventListener(REQUEST_COMMENT, onRequest)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(REQUEST_COMMENT, onRequest)
    }
  }, [allowed])
  if (!allowed || !target) return null
  return <CommentDialog editor={editor} docId={docId} target={target} onClose={() => setTarget(null)} />
}

function CommentDialog({ editor, docId, target, onClose }: { editor: Editor; docId: string; target: Target; onClose: () => void }) {
  const [text, setText] = useState('')
  const range = useRef({ from: target.from, to: target.to })
  // Collaborators keep typing while the dialog is open: follow the selected words through their edits.
  useEffect(() => {
    const onTransaction = ({ transaction }: { transaction: { mapping: { map(pos: number, assoc?: number): number } } }): void => {
      range.current = { from: transaction.mapping.map(range.current.from, 1), to: transaction.mapping.map(range.current.to, -1) }
    }
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
    }
  }, [editor])
  const submit = async (): Promise<string | void> => {
    if (!text.trim()) return '请填写批注内容'
    const { from, to } = range.current
    if (from < to) {
      const id = newId('c')
      // Not an undo step: Ctrl+Z must not take the anchor off the words and orphan the thread.
      editor.chain().setTextSelection({ from, to }).setMark('comment', { id }).setMeta('addToHistory', false).run()
      await createComment(docId, { id, itemId: target.itemId, text })
    } else {
      await createComment(docId, { itemId: target.itemId, text })
    }
    showSideTab('comments')
  }
  return (
    <ActionDialog title="添加批注" confirmLabel="添加批注" busyLabel="正在保存…" confirmTestId="comment-submit" onConfirm={submit} onClose={onClose}>
      <p className="comment-dialog-quote">{target.from < target.to ? `“${target.quote.length > 80 ? `${target.quote.slice(0, 79)}…` : target.quote}”` : '未选中文字：批注整条'}</p>
      <textarea
        className="comment-dialog-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={COMMENT_LIMITS.text}
        rows={4}
        placeholder="写下意见，可用 @姓名 提醒同事"
        aria-label="批注内容"
        autoFocus
        data-testid="comment-text"
        onKeyDown={(e) => {
          // Ctrl+Enter sends, as in chat tools; Enter alone starts a new line.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit()
        }}
      />
    </ActionDialog>
  )
}

import { Paragraph, TextRun, type ICommentOptions } from 'docx'
import type { CommentMessage, CommentThread } from '../../shared/review/commentsTypes.ts'
import { wordDate } from './wordTime.ts'
import { xmlSafe } from './xmlSafe.ts'

/** The Word comment ids of each exported thread: the opening comment first, then one per reply. */
export type CommentIds = Map<string, number[]>

/**
 * Numbers the threads that are exported (open, with words in the printed text) from 0 in the order
 * given: each thread one id, each reply the next. Resolved threads are left out, as the 批注 tab
 * hides them: a 征求意见稿 carries the questions still open.
 */
export function numberComments(threads: readonly CommentThread[], anchored: ReadonlySet<string>): CommentIds {
  const ids: CommentIds = new Map()
  let next = 0
  for (const t of threads) {
    if (t.resolved || !anchored.has(t.id)) continue
    ids.set(
      t.id,
      [t, ...t.replies].map(() => next++),
    )
  }
  return ids
}

/**
 * The Word comments of the numbered threads: author's display name, time (Beijing, see wordTime), the
 * text one paragraph per line. Replies are comments of their own pointing at the opening one
 * (w15:paraIdParent), which Word, WPS and LibreOffice show as a conversation.
 */
export function wordComments(threads: readonly CommentThread[], ids: CommentIds, fallbackTime: string): ICommentOptions[] {
  const out: ICommentOptions[] = []
  for (const t of threads) {
    const numbers = ids.get(t.id)
    if (!numbers) continue
    const [first, ...rest] = numbers
    out.push(comment(t, first, fallbackTime))
    t.replies.forEach((reply, i) => out.push({ ...comment(reply, rest[i], fallbackTime), parentId: first }))
  }
  return out
}

function comment(message: CommentMessage, id: number, fallbackTime: string): ICommentOptions {
  const author = xmlSafe(message.author.name).trim() || '未署名'
  const date = wordDate(message.createdAt) ?? wordDate(fallbackTime)
  const lines = xmlSafe(message.text).split(/\r?\n/)
  return {
    id,
    author,
    initials: Array.from(author)[0],
    ...(date ? { date } : {}),
    children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
  }
}

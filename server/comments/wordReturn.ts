import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import { readThreads } from '../../shared/review/commentsStore.ts'
import { COMMENT_LIMITS, type CommentAuthor, type CommentThread } from '../../shared/review/commentsTypes.ts'
import type { SuggestionStamp } from '../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../shared/review/suggestYdoc.ts'
import { placeWordReturn, type Placement } from '../../shared/review/wordReturnPlace.ts'
import type { ReturnedFile, WordReturnSummary } from '../../shared/review/wordReturnTypes.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import { putStamps } from '../collab/reviewerCheck.ts'
import { InvalidUpdate, RoomFailed, type Room } from '../collab/Room.ts'
import { REVIEW_WRITE } from '../collab/rootRules.ts'
import { putThreads } from './threadWrites.ts'
import type { Services } from '../services.ts'

/** What applying a returned file uses of the server's services. */
export type WordReturnServices = Pick<Services, 'rooms' | 'users' | 'calls'>

/**
 * Places a returned Word file's revisions and comments on the live document (open in a room or
 * not) as ONE server change by `user`: suggestion marks and new items in the plan, their stamps
 * (the importing account, the author name from the file) and comment threads in the review root;
 * stored and broadcast like an editor's update. In a cluster it runs on the document's owner.
 */
export function applyWordReturn(services: WordReturnServices, user: UserRecord, docId: string, file: ReturnedFile): Promise<WordReturnSummary> {
  const here = (): Promise<WordReturnSummary> => services.rooms.use(docId, (room) => applyInRoom(room, user, file))
  return services.calls ? services.calls.atOwner(docId, 'word-return', { userId: user.id, file: JSON.stringify(file) }, here) : here()
}

/** Lets the process that owns a document apply returned files other processes read. Call once at start. */
export function serveWordReturnCalls(services: WordReturnServices): void {
  services.calls?.serve('word-return', async (docId, args) => {
    const user = await services.users.get(args.userId ?? '')
    if (!user) throw new AppError('not-found', '账户不存在', 404)
    return services.rooms.use(docId, (room) => applyInRoom(room, user, JSON.parse(args.file ?? 'null') as ReturnedFile))
  })
}

function applyInRoom(room: Room, user: UserRecord, file: ReturnedFile): WordReturnSummary {
  // Placed before the change: a refusal thrown inside one would read as a refused update.
  const placed = placeWordReturn(pmDocOfFragment(room.doc.getXmlFragment(PLAN_FIELD), planSchema()), file, { existingThreads: readThreads(room.doc) })
  const summary = { placedSuggestions: placed.suggestions.length, placedComments: placed.threads.length, notPlaced: placed.notPlaced }
  if (!placed.suggestions.length && !placed.threads.length) return summary
  assertThreadRoom(room.doc, placed)
  const now = new Date().toISOString()
  try {
    room.change(user.id, (doc) => {
      // The smallest update from the document as it is to the document with the marks (unchanged items are kept).
      doc.transact(() => prosemirrorToYXmlFragment(placed.doc, doc.getXmlFragment(PLAN_FIELD)))
      writeStamps(doc, placed, user, now)
      putThreads(
        doc,
        placed.threads.map((t) => threadOf(t, user, now)),
      )
    })
  } catch (err) {
    if (err instanceof RoomFailed) throw new AppError('store-failed', '导入的修订未能保存，请稍后重试', 503)
    if (err instanceof InvalidUpdate) throw new AppError('too-large', '加入这些修订后文档将超出限制（条目或全文字数），未导入', 413)
    throw err
  }
  return summary
}

function writeStamps(doc: Y.Doc, placed: Placement, user: UserRecord, now: string): void {
  const stamp = (wordAuthor: string): SuggestionStamp => ({ author: { id: user.id, name: user.displayName }, createdAt: now, wordAuthor })
  doc.transact(
    () =>
      putStamps(
        doc,
        placed.suggestions.map((s) => [s.id, stamp(s.wordAuthor)]),
      ),
    REVIEW_WRITE,
  )
}

function threadOf(t: Placement['threads'][number], user: UserRecord, now: string): CommentThread {
  const author: CommentAuthor = user.department ? { id: user.id, name: user.displayName, department: user.department } : { id: user.id, name: user.displayName }
  return {
    id: t.id,
    author,
    createdAt: now,
    text: cut(t.text, COMMENT_LIMITS.text) || '（空批注）',
    mentions: [],
    wordAuthor: t.wordAuthor,
    itemId: t.itemId,
    quote: cut(t.quote, COMMENT_LIMITS.quote),
    resolved: false,
    replies: [],
    orphan: false,
  }
}

/** 413 past the document's comment limits (threads, characters): nothing of the file is applied then. */
function assertThreadRoom(doc: Y.Doc, placed: Placement): void {
  const threads = readThreads(doc)
  if (threads.length + placed.threads.length > COMMENT_LIMITS.threads) throw new AppError('too-large', `一份文档最多 ${COMMENT_LIMITS.threads} 条批注，文件中的批注过多`, 413)
  let total = 0
  for (const t of threads) total += t.text.length + t.quote.length + t.replies.reduce((n, r) => n + r.text.length, 0)
  for (const t of placed.threads) total += Math.min(t.text.length, COMMENT_LIMITS.text) + Math.min(t.quote.length, COMMENT_LIMITS.quote)
  if (total > COMMENT_LIMITS.totalChars) throw new AppError('too-large', `本文档的批注将超过 ${COMMENT_LIMITS.totalChars / 10000} 万字的上限，未导入`, 413)
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

import * as Y from 'yjs'
import type { DocRole } from '../../shared/api/types.ts'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { newId } from '../../shared/plan/ids.ts'
import { commentedText } from '../../shared/review/commentsAnchors.ts'
import { mentionedIn } from '../../shared/review/commentsMentions.ts'
import { filterThreads, isPendingFor } from '../../shared/review/commentsPending.ts'
import { readThread, readThreads } from '../../shared/review/commentsStore.ts'
import { COMMENT_LIMITS, type CommentAuthor, type CommentFilter, type CommentMessage, type CommentThread, type NewCommentRequest, type PendingComment } from '../../shared/review/commentsTypes.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import type { Room } from '../collab/Room.ts'
import { currentState } from '../docs/currentState.ts'
import type { DocumentRecord } from '../docs/documents.ts'
import { atLeast } from '../docs/roles.ts'
import { assertNotFinal } from '../docs/status.ts'
import type { Services } from '../services.ts'
import { waitForAnchor } from './anchorWatch.ts'
import { mentionable, mentionsOf, recordMentions } from './mentions.ts'
import { assertItem, changeRoom, markWholeItem, putThreads, writeThreads } from './threadWrites.ts'

/** How long a new thread waits for the words the client marked to reach the server over its socket. */
export const ANCHOR_WAIT_MS = 5000

/** What the comment functions use of the server's services. */
export type CommentServices = Pick<Services, 'rooms' | 'users' | 'documents' | 'storage' | 'calls'>

/** One change to a document's threads, in a form that can be sent to the process that owns the document. */
type ThreadOp =
  | { kind: 'create'; body: NewCommentRequest; text: string; mentions: string[] }
  | { kind: 'reply'; threadId: string; text: string; mentions: string[] }
  | { kind: 'resolve'; threadId: string; resolved: boolean; role: DocRole }

/**
 * Starts a thread. With `id` the client has already marked the selected words with that id (the
 * server waits briefly for the mark to arrive and quotes the marked words); without it the server
 * marks the whole item. Author and time come from the session and the server clock, never the body.
 */
export async function createThread(services: CommentServices, user: UserRecord, doc: DocumentRecord, body: NewCommentRequest): Promise<CommentThread> {
  assertNotFinal(doc)
  const text = messageText(body.text)
  const mentions = mentionedIn(text, await mentionable(services.users, services.documents, doc))
  const thread = await atOwner(services, user, doc.id, { kind: 'create', body, text, mentions })
  await recordMentions(services.storage, doc.id, thread.id, mentions)
  return thread
}

/** Adds a reply by `user`; it may mention people too. */
export async function replyToThread(services: CommentServices, user: UserRecord, doc: DocumentRecord, threadId: string, rawText: string): Promise<CommentThread> {
  assertNotFinal(doc)
  const text = messageText(rawText)
  const mentions = mentionedIn(text, await mentionable(services.users, services.documents, doc))
  const thread = await atOwner(services, user, doc.id, { kind: 'reply', threadId, text, mentions })
  await recordMentions(services.storage, doc.id, threadId, mentions)
  return thread
}

/** Resolves (解决) or reopens (重新打开) a thread: its author, or an editor or owner of the document. */
export function setResolved(services: CommentServices, user: UserRecord, role: DocRole, doc: DocumentRecord, threadId: string, resolved: boolean): Promise<CommentThread> {
  assertNotFinal(doc)
  return atOwner(services, user, doc.id, { kind: 'resolve', threadId, resolved, role })
}

/**
 * In a cluster, lets the process that owns a document run the thread changes other processes were
 * asked for (through its open room, so every editor sees them). Call once at start.
 */
export function serveCommentCalls(services: CommentServices): void {
  services.calls?.serve('comments', async (docId, args) => {
    const user = await services.users.get(args.userId ?? '')
    if (!user) throw new AppError('not-found', '账户不存在', 404)
    return runHere(services, user, docId, JSON.parse(args.op ?? 'null') as ThreadOp)
  })
}

/** Runs the change here, or on the document's owner in a cluster. */
function atOwner(services: CommentServices, user: UserRecord, docId: string, op: ThreadOp): Promise<CommentThread> {
  const here = (): Promise<CommentThread> => runHere(services, user, docId, op)
  return services.calls ? services.calls.atOwner(docId, 'comments', { userId: user.id, op: JSON.stringify(op) }, here) : here()
}

function runHere(services: CommentServices, user: UserRecord, docId: string, op: ThreadOp): Promise<CommentThread> {
  if (op.kind === 'create') return services.rooms.use(docId, (room) => createIn(room, user, op.body, op.text, op.mentions))
  return services.rooms.use(docId, (room) => {
    const thread = readThread(room.doc, op.threadId)
    if (!thread) throw new AppError('not-found', '批注不存在', 404)
    const next = op.kind === 'reply' ? withReply(room, thread, user, op.text, op.mentions) : withResolved(thread, user, op.role, op.resolved)
    if (next !== thread) writeThreads(room, user.id, [clean(next)])
    return readThread(room.doc, op.threadId) ?? next
  })
}

async function createIn(room: Room, user: UserRecord, body: NewCommentRequest, text: string, mentions: string[]): Promise<CommentThread> {
  if (readThreads(room.doc).length >= COMMENT_LIMITS.threads) throw new AppError('too-large', `一份文档最多 ${COMMENT_LIMITS.threads} 条批注`, 413)
  assertRoomFor(room, text.length + COMMENT_LIMITS.quote)
  const id = body.id ?? newId('c')
  if (body.id && readThread(room.doc, body.id)) throw new AppError('bad-request', '这条批注已经存在', 409)
  if (body.id && !(await waitForAnchor(room, body.id, ANCHOR_WAIT_MS))) throw new AppError('bad-request', '批注所选的文字没有同步到服务器，请重新选择文字后再试', 409)
  const base = message(user, text, mentions)
  let quote = body.id ? commentedText(room.doc.getXmlFragment(PLAN_FIELD), body.id) : ''
  const created = (): CommentThread => ({ ...base, id, itemId: body.itemId, quote: cut(quote), resolved: false, replies: [], orphan: false })
  if (body.id) writeThreads(room, user.id, [created()])
  else {
    assertItem(room.doc, body.itemId)
    changeRoom(room, user.id, (ydoc) => {
      quote = markWholeItem(ydoc, body.itemId, id)
      putThreads(ydoc, [created()])
    })
  }
  return readThread(room.doc, id) ?? created()
}

function withReply(room: Room, thread: CommentThread, user: UserRecord, text: string, mentions: string[]): CommentThread {
  assertRoomFor(room, text.length)
  if (thread.replies.length >= COMMENT_LIMITS.replies) throw new AppError('too-large', `一条批注最多 ${COMMENT_LIMITS.replies} 条回复`, 413)
  return { ...thread, replies: [...thread.replies, message(user, text, mentions)] }
}

function withResolved(thread: CommentThread, user: UserRecord, role: DocRole, resolved: boolean): CommentThread {
  if (thread.author.id !== user.id && !atLeast(role, 'editor')) throw new AppError('forbidden', resolved ? '只有批注的作者或编辑者可以把批注标为已解决' : '只有批注的作者或编辑者可以重新打开批注', 403)
  if (thread.resolved === resolved) return thread
  if (!resolved) return { ...thread, resolved: false, resolvedBy: undefined, resolvedAt: undefined }
  return { ...thread, resolved: true, resolvedBy: authorOf(user), resolvedAt: new Date().toISOString() }
}

/** A document's threads that pass the filter (open ones by default). */
export async function listThreads(services: CommentServices, doc: DocumentRecord, filter: CommentFilter): Promise<CommentThread[]> {
  const { state } = await currentState(services.storage, services.rooms, doc.id)
  const ydoc = new Y.Doc()
  if (state) Y.applyUpdate(ydoc, state)
  const threads = filterThreads(readThreads(ydoc), filter)
  ydoc.destroy()
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** The threads waiting for `user` (待处理): open, mentioning them, not answered by them since, in documents they may still open. */
export async function pendingFor(services: CommentServices, user: UserRecord): Promise<PendingComment[]> {
  const byDoc = new Map<string, Set<string>>()
  for (const m of await mentionsOf(services.storage, user.id)) {
    const ids = byDoc.get(m.docId) ?? new Set<string>()
    ids.add(m.threadId)
    byDoc.set(m.docId, ids)
  }
  const out: PendingComment[] = []
  for (const [docId, ids] of byDoc) {
    const doc = await services.documents.get(docId)
    if (!doc || doc.archived || !(await services.documents.roleOf(user, doc))) continue
    for (const thread of await listThreads(services, doc, { status: 'open' })) {
      if (ids.has(thread.id) && isPendingFor(thread, user.id)) out.push({ docId, docTitle: doc.title, thread })
    }
  }
  return out.sort((a, b) => latest(b.thread).localeCompare(latest(a.thread)))
}

/** 413 when `more` characters would take the document's comments past their total (they sync to every editor). */
function assertRoomFor(room: Room, more: number): void {
  let total = 0
  for (const t of readThreads(room.doc)) total += t.text.length + t.quote.length + t.replies.reduce((n, r) => n + r.text.length, 0)
  if (total + more > COMMENT_LIMITS.totalChars) throw new AppError('too-large', `本文档的批注已达 ${COMMENT_LIMITS.totalChars / 10000} 万字的上限，不能再添加`, 413)
}

function message(user: UserRecord, text: string, mentions: string[]): CommentMessage {
  return { id: newId('m'), author: authorOf(user), createdAt: new Date().toISOString(), text, mentions }
}

function authorOf(user: UserRecord): CommentAuthor {
  return user.department ? { id: user.id, name: user.displayName, department: user.department } : { id: user.id, name: user.displayName }
}

function messageText(raw: string): string {
  const text = raw.trim()
  if (!text) throw new AppError('bad-request', '请填写批注内容')
  if (text.length > COMMENT_LIMITS.text) throw new AppError('bad-request', `批注内容最多 ${COMMENT_LIMITS.text} 个字符`)
  return text
}

function cut(quote: string): string {
  return quote.length > COMMENT_LIMITS.quote ? `${quote.slice(0, COMMENT_LIMITS.quote - 1)}…` : quote
}

/** Drops undefined fields: Yjs stores plain JSON. */
function clean(thread: CommentThread): CommentThread {
  return JSON.parse(JSON.stringify(thread)) as CommentThread
}

function latest(thread: CommentThread): string {
  return thread.replies.length ? thread.replies[thread.replies.length - 1].createdAt : thread.createdAt
}

import * as Y from 'yjs'
import type { CommentAuthor, CommentMessage, CommentThread } from './commentsTypes.ts'
import { reviewRoot, THREADS_KEY } from './reviewRoot.ts'

/** The map of comment threads in a document, or null before the server wrote the first one. */
export function threadsMapOf(doc: Y.Doc): Y.Map<unknown> | null {
  const map = reviewRoot(doc).get(THREADS_KEY)
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null
}

/** Every well-formed thread of a document (anything malformed is skipped, never trusted). */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const map = threadsMapOf(doc)
  if (!map) return []
  const out: CommentThread[] = []
  for (const value of map.values()) {
    const thread = asThread(value)
    if (thread) out.push(thread)
  }
  return out
}

/** One thread by id, or undefined. */
export function readThread(doc: Y.Doc, id: string): CommentThread | undefined {
  return asThread(threadsMapOf(doc)?.get(id))
}

/** The value as a thread when it has a thread's shape. */
export function asThread(value: unknown): CommentThread | undefined {
  if (!isMessage(value)) return undefined
  const v = value as unknown as Record<string, unknown>
  if (typeof v.itemId !== 'string' || typeof v.quote !== 'string' || typeof v.resolved !== 'boolean' || !Array.isArray(v.replies)) return undefined
  if (!v.replies.every(isMessage)) return undefined
  return value as CommentThread
}

function isMessage(value: unknown): value is CommentMessage {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return typeof v.id === 'string' && isAuthor(v.author) && typeof v.createdAt === 'string' && typeof v.text === 'string' && Array.isArray(v.mentions)
}

function isAuthor(value: unknown): value is CommentAuthor {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return typeof v.id === 'string' && typeof v.name === 'string'
}

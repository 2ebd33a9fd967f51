import type { CommentFilter, CommentThread, NewCommentRequest, PendingComment } from '../../shared/review/commentsTypes.ts'
import { apiRequest } from './apiRequest.ts'

const path = (docId: string, rest = ''): string => `/api/documents/${encodeURIComponent(docId)}/comments${rest}`

/** A document's comment threads that pass the filter (open ones by default). */
export async function listComments(docId: string, filter: CommentFilter = {}): Promise<CommentThread[]> {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value) query.set(key, value)
  const q = query.toString()
  return (await apiRequest<{ threads: CommentThread[] }>('GET', path(docId) + (q ? `?${q}` : ''))).threads
}

/** Starts a thread on words already marked with `id`, or (without `id`) on the whole item. */
export function createComment(docId: string, body: NewCommentRequest): Promise<CommentThread> {
  return apiRequest('POST', path(docId), body)
}

/** Adds a reply to a thread. */
export function replyToComment(docId: string, threadId: string, text: string): Promise<CommentThread> {
  return apiRequest('POST', path(docId, `/${encodeURIComponent(threadId)}/replies`), { text })
}

/** Marks a thread resolved (已解决) or opens it again. */
export function setCommentResolved(docId: string, threadId: string, resolved: boolean): Promise<CommentThread> {
  return apiRequest('POST', path(docId, `/${encodeURIComponent(threadId)}/${resolved ? 'resolve' : 'reopen'}`))
}

/** The threads waiting for the signed-in user (待处理): mentioned and not yet answered or resolved. */
export async function pendingComments(): Promise<PendingComment[]> {
  return (await apiRequest<{ pending: PendingComment[] }>('GET', '/api/me/pending')).pending
}

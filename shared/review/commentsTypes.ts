/** Who wrote a comment, as the server stamped it from the signed-in account. */
export interface CommentAuthor {
  id: string
  name: string
  /** 科室 of the author when the comment was written. */
  department?: string
}

/** One message of a thread (the opening comment or a reply). */
export interface CommentMessage {
  id: string
  author: CommentAuthor
  /** ISO time from the server's clock. */
  createdAt: string
  text: string
  /** Ids of the accounts named with @显示名 in the text. */
  mentions: string[]
  /** For a comment imported from a returned Word file: the author name in the file (`author` imported it). */
  wordAuthor?: string
}

/** A 批注 thread: anchored on words carrying a `comment` mark with the thread's id. */
export interface CommentThread extends CommentMessage {
  /** The item the words were in when the thread started (items keep their ids through moves). */
  itemId: string
  /** The commented words as they were, shown when they have been deleted. */
  quote: string
  resolved: boolean
  resolvedBy?: CommentAuthor
  resolvedAt?: string
  replies: CommentMessage[]
  /** True when no word carries the thread's mark any more (its words were deleted); the thread is kept. */
  orphan?: boolean
}

/** Which threads a list shows. */
export type CommentStatus = 'open' | 'resolved' | 'orphan' | 'all'

/** Filters of the thread list: by person (author or replier), status and the author's 科室. */
export interface CommentFilter {
  person?: string
  status?: CommentStatus
  department?: string
}

/** Body of POST /api/documents/:id/comments: `id` when the client already marked the selected words, none to comment on the whole item. */
export interface NewCommentRequest {
  id?: string
  itemId: string
  quote?: string
  text: string
}

/** A thread waiting for someone who was mentioned in it (GET /api/me/pending). */
export interface PendingComment {
  docId: string
  docTitle: string
  thread: CommentThread
}

/** Size limits of comment data; the server refuses more (400). */
export const COMMENT_LIMITS = {
  /** Characters of one message. */
  text: 2000,
  /** Characters of a stored quote (longer quotes are cut with …). */
  quote: 300,
  /** Replies in one thread. */
  replies: 200,
  /** Threads in one document. */
  threads: 5000,
  /** Characters of every message and quote of one document together (the review root syncs to every editor). */
  totalChars: 1_000_000,
} as const

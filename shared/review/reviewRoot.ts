import * as Y from 'yjs'

/**
 * Name of the server-owned root Y.Map of review data (批注 threads, 修订 authors). Clients read it
 * and never write it: the server refuses any client update under it (close 4400).
 */
export const REVIEW_ROOT = 'review'
/** Key of the Y.Map of comment threads (thread id → CommentThread) inside the review root. */
export const THREADS_KEY = 'threads'
/** Key of the Y.Map of suggestion records (suggestion id → author and time) inside the review root. */
export const SUGGESTIONS_KEY = 'suggestions'

/** The review root of a document. */
export function reviewRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(REVIEW_ROOT)
}

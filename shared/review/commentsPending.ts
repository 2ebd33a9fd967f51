import type { CommentFilter, CommentThread } from './commentsTypes.ts'

/**
 * True when the thread waits for `userId`: it is open and someone mentioned them in a message
 * that they have not answered since (a reply of theirs after the mention clears it).
 */
export function isPendingFor(thread: CommentThread, userId: string): boolean {
  if (thread.resolved) return false
  const messages = [thread, ...thread.replies]
  let waiting = false
  for (const m of messages) {
    if (m.author.id === userId) waiting = false
    else if (m.mentions.includes(userId)) waiting = true
  }
  return waiting
}

/** The threads a filter keeps: status (open by default), a person who wrote in the thread, the 科室 of its author. */
export function filterThreads(threads: readonly CommentThread[], filter: CommentFilter): CommentThread[] {
  const status = filter.status ?? 'open'
  return threads.filter((t) => {
    if (status === 'open' && t.resolved) return false
    if (status === 'resolved' && !t.resolved) return false
    if (status === 'orphan' && !t.orphan) return false
    if (filter.person && t.author.id !== filter.person && !t.replies.some((r) => r.author.id === filter.person)) return false
    if (filter.department && t.author.department !== filter.department) return false
    return true
  })
}

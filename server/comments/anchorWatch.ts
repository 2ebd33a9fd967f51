import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { liveCommentIds } from '../../shared/review/commentsAnchors.ts'
import { readThreads, threadsMapOf } from '../../shared/review/commentsStore.ts'
import type { Room } from '../collab/Room.ts'
import type { Log } from '../log.ts'
import { writeThreads } from './threadWrites.ts'

/** How long after a change the anchors are read again: a burst of keystrokes costs one walk of the document. */
export const ORPHAN_CHECK_DELAY_MS = 150

/**
 * Watches a room for threads whose words were all deleted (or came back, after an undo): a short
 * while after each accepted change it sets `orphan` on the threads whose mark no live character
 * carries any more, and clears it when one does again. Threads are never deleted.
 */
export function watchAnchors(room: Room, log: Log): void {
  let timer: NodeJS.Timeout | null = null
  room.changeListeners.add((userId) => {
    if (timer || !threadsMapOf(room.doc)?.size) return
    timer = setTimeout(() => {
      timer = null
      try {
        refreshOrphans(room, userId)
      } catch (err) {
        log.warn('comments.orphans.failed', { doc: room.docId }, err)
      }
    }, ORPHAN_CHECK_DELAY_MS)
    timer.unref()
  })
}

/** Brings every thread's `orphan` flag in line with the document now; returns how many changed. */
export function refreshOrphans(room: Room, userId: string): number {
  if (room.failed) return 0
  const live = liveCommentIds(room.doc.getXmlFragment(PLAN_FIELD))
  const changed = readThreads(room.doc)
    .filter((t) => Boolean(t.orphan) === live.has(t.id))
    .map((t) => ({ ...t, orphan: !live.has(t.id) }))
  if (changed.length) writeThreads(room, userId, changed)
  return changed.length
}

/** Resolves true as soon as some live character of the document carries the comment mark `id`, false after `ms`. */
export function waitForAnchor(room: Room, id: string, ms: number): Promise<boolean> {
  const present = (): boolean => liveCommentIds(room.doc.getXmlFragment(PLAN_FIELD)).has(id)
  if (present()) return Promise.resolve(true)
  return new Promise((resolve) => {
    const done = (found: boolean): void => {
      clearTimeout(timer)
      room.changeListeners.delete(check)
      resolve(found)
    }
    const check = (): void => {
      if (present()) done(true)
    }
    const timer = setTimeout(() => done(false), ms)
    room.changeListeners.add(check)
  })
}

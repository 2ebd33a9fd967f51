import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { commentAnchorsIn, type CommentAnchor } from '../../../shared/review/commentsInDoc.ts'
import { readThreads } from '../../../shared/review/commentsStore.ts'
import type { CommentThread } from '../../../shared/review/commentsTypes.ts'
import { reviewRoot } from '../../../shared/review/reviewRoot.ts'

/** How long typing pauses before the anchors (positions and numbers of commented words) are read again. */
const ANCHOR_DELAY_MS = 150

/** The document's comment threads, live: the server writes them into the Y.Doc and every change arrives here. */
export function useCommentThreads(ydoc: Y.Doc): CommentThread[] {
  const [threads, setThreads] = useState<CommentThread[]>(() => readThreads(ydoc))
  useEffect(() => {
    const root = reviewRoot(ydoc)
    const read = (): void => setThreads(readThreads(ydoc))
    read()
    root.observeDeep(read)
    return () => root.unobserveDeep(read)
  }, [ydoc])
  return threads
}

/** Where each thread's words are now (document order, item numbers), read again shortly after the text changes. */
export function useCommentAnchors(editor: Editor): CommentAnchor[] {
  const [anchors, setAnchors] = useState<CommentAnchor[]>(() => commentAnchorsIn(editor.state.doc))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onUpdate = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => setAnchors(commentAnchorsIn(editor.state.doc)), ANCHOR_DELAY_MS)
    }
    onUpdate()
    editor.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      editor.off('update', onUpdate)
    }
  }, [editor])
  return anchors
}

/** A thread with the place of its words, when they still exist. */
export interface PlacedThread {
  thread: CommentThread
  anchor: CommentAnchor | undefined
}

/** Threads in document order of their words; threads whose words are gone come last, oldest first. */
export function orderThreads(threads: readonly CommentThread[], anchors: readonly CommentAnchor[]): PlacedThread[] {
  const byId = new Map(anchors.map((a, i) => [a.id, { a, i }]))
  return threads
    .map((thread) => ({ thread, anchor: byId.get(thread.id)?.a, order: byId.get(thread.id)?.i ?? Number.MAX_SAFE_INTEGER }))
    .sort((x, y) => x.order - y.order || x.thread.createdAt.localeCompare(y.thread.createdAt))
    .map(({ thread, anchor }) => ({ thread, anchor }))
}

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/** A comment's time in Beijing time, e.g. 12/2 16:05. */
export function commentTime(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? '' : TIME.format(at)
}

import * as Y from 'yjs'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { commentMarkKey } from '../../shared/review/commentsMarkKey.ts'
import type { CommentThread } from '../../shared/review/commentsTypes.ts'
import { reviewRoot, THREADS_KEY } from '../../shared/review/reviewRoot.ts'
import { AppError } from '../AppError.ts'
import { RoomFailed, type Room } from '../collab/Room.ts'
import { REVIEW_WRITE } from '../collab/rootRules.ts'

/**
 * Stores threads in the document's server-owned review root, as one change by `userId` that is
 * logged and reaches every open editor.
 */
export function writeThreads(room: Room, userId: string, threads: readonly CommentThread[]): void {
  changeRoom(room, userId, (doc) => putThreads(doc, threads))
}

/**
 * Puts threads into the review root inside a change. The transaction's origin is REVIEW_WRITE, the
 * only origin the update check lets write that root.
 */
export function putThreads(doc: Y.Doc, threads: readonly CommentThread[]): void {
  doc.transact(() => {
    const root = reviewRoot(doc)
    let map = root.get(THREADS_KEY)
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>()
      root.set(THREADS_KEY, map)
    }
    for (const thread of threads) (map as Y.Map<unknown>).set(thread.id, thread)
  }, REVIEW_WRITE)
}

/** Runs one server change in the room (stored, logged and broadcast like a client's); 503 when the room cannot store it. */
export function changeRoom(room: Room, userId: string, fn: (doc: Y.Doc) => void): void {
  try {
    room.change(userId, fn)
  } catch (err) {
    if (err instanceof RoomFailed) throw new AppError('store-failed', '批注未能保存，请稍后重试', 503)
    throw err
  }
}

/** Throws 404 when the document has no item with this id (checked before a change: a throw inside one is a refused update). */
export function assertItem(doc: Y.Doc, itemId: string): void {
  if (!findItem(doc.getXmlFragment(PLAN_FIELD), itemId)) throw new AppError('not-found', '找不到要批注的条目，它可能已被删除', 404)
}

/**
 * Marks every word of an item (lead sentence and paragraphs) with the comment mark `id`, under the
 * key an editor's y-tiptap would use, and returns the item's text. Call assertItem first.
 */
export function markWholeItem(doc: Y.Doc, itemId: string, id: string): string {
  const item = findItem(doc.getXmlFragment(PLAN_FIELD), itemId)
  if (!item) return ''
  const key = commentMarkKey(id)
  doc.transact(() => {
    for (const text of textsOf(item)) if (text.length) text.format(0, text.length, { [key]: { id } })
  })
  return plainText(item)
}

function findItem(type: Y.XmlFragment | Y.XmlElement, itemId: string): Y.XmlElement | null {
  for (const child of type.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'item' && child.getAttribute('id') === itemId) return child
    const found = findItem(child, itemId)
    if (found) return found
  }
  return null
}

function textsOf(type: Y.XmlElement): Y.XmlText[] {
  const out: Y.XmlText[] = []
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child)
    else if (child instanceof Y.XmlElement) out.push(...textsOf(child))
  }
  return out
}

/** The item's characters without formatting (toString would print marks as tags). */
function plainText(item: Y.XmlElement): string {
  return textsOf(item)
    .map((t) =>
      t
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join(''),
    )
    .join('')
}

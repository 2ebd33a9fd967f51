import * as Y from 'yjs'

/** y-tiptap stores the overlapping `comment` mark under `comment--<hash>` (a mark that excludes itself would be plain `comment`). */
const COMMENT_KEY = /^comment(--.*)?$/

/** Called with each run of live characters and the comment ids open on it. */
type RunVisitor = (text: string, ids: Iterable<string>) => void

/**
 * Ids of the comment marks that still cover at least one live character under a Yjs type (the
 * plan fragment), read straight from the Yjs items: a thread whose id is missing here has lost all
 * its words. Read-only and linear in the document's items.
 */
export function liveCommentIds(type: Y.XmlFragment | Y.XmlElement): Set<string> {
  const ids = new Set<string>()
  walk(type as unknown as Y.AbstractType<unknown>, (_text, open) => {
    for (const id of open) ids.add(id)
  })
  return ids
}

/** The live words carrying the comment mark `id`, in document order (paragraphs joined with a space). */
export function commentedText(type: Y.XmlFragment | Y.XmlElement, id: string): string {
  const parts: string[] = []
  walk(type as unknown as Y.AbstractType<unknown>, (text, open) => {
    if ([...open].includes(id)) parts.push(text)
  })
  return parts.join('')
}

function walk(type: Y.AbstractType<unknown>, visit: RunVisitor): void {
  if (type instanceof Y.XmlText) return walkText(type, visit)
  for (let item = type._start; item; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType) walk(item.content.type, visit)
  }
}

/** Walks a text's items as Yjs' own toDelta does: format items open and close attributes; live characters take the open comment ids. */
function walkText(text: Y.XmlText, visit: RunVisitor): void {
  const open = new Map<string, string>()
  for (let item = text._start; item; item = item.right) {
    if (item.deleted) continue
    const content = item.content
    if (content instanceof Y.ContentFormat) {
      if (!COMMENT_KEY.test(content.key)) continue
      const id = markId(content.value)
      if (id) open.set(content.key, id)
      else open.delete(content.key)
    } else if (open.size && item.countable && item.length > 0) {
      visit(content instanceof Y.ContentString ? content.str : '', open.values())
    }
  }
}

function markId(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null
  const id = (value as Record<string, unknown>).id
  return typeof id === 'string' ? id : null
}

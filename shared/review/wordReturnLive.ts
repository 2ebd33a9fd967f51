import type { Node as PMNode } from '@tiptap/pm/model'
import { parseSuggestionAttr } from '../editor/nodes/suggestionAttribute.ts'
import { suggestionMark } from './suggestScan.ts'

/** One item of the live document as a returned file is placed on it. */
export interface LiveItem {
  id: string
  /** The item node's position and end in the document. */
  pos: number
  end: number
  /** Lead sentence and body as if every open suggestion were rejected (what an export printed). */
  title: string
  body: string
  /** Document position of each character of title + body; -1 for the "\n" between body paragraphs. */
  at: number[]
  /** Whether each character already carries a deletion mark. */
  deleted: boolean[]
}

/**
 * The items of a document in order, with their text as if all suggestions were rejected (inserted
 * words left out, deleted words kept) and where each character sits. Items that are themselves
 * suggested (new, or the new place of a move) were in no export and are left out.
 */
export function liveItems(doc: PMNode): LiveItem[] {
  const out: LiveItem[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return true
    const kind = parseSuggestionAttr(node.attrs.suggestion)?.kind
    if (kind !== 'insert' && kind !== 'move' && typeof node.attrs.id === 'string') out.push(readItem(node, pos))
    return false
  })
  return out
}

function readItem(item: PMNode, pos: number): LiveItem {
  const live: LiveItem = { id: item.attrs.id as string, pos, end: pos + item.nodeSize, title: '', body: '', at: [], deleted: [] }
  let paragraphs = 0
  item.forEach((block, offset) => {
    const isTitle = block.type.name === 'itemTitle'
    if (!isTitle && paragraphs++ > 0) {
      live.body += '\n'
      live.at.push(-1)
      live.deleted.push(false)
    }
    block.forEach((text, inner) => {
      if (!text.isText || suggestionMark(text.marks, 'insertion')) return
      const chars = text.text ?? ''
      const start = pos + 1 + offset + 1 + inner
      const deleted = suggestionMark(text.marks, 'deletion') !== undefined
      if (isTitle) live.title += chars
      else live.body += chars
      for (let k = 0; k < chars.length; k++) {
        live.at.push(start + k)
        live.deleted.push(deleted)
      }
    })
  })
  return live
}

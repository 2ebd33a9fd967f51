import * as Y from 'yjs'
import { parseSuggestionAttr } from '../editor/nodes/suggestionAttribute.ts'
import { reviewRoot, SUGGESTIONS_KEY } from './reviewRoot.ts'

/** Who made a suggestion and when, as the server stamped it from the signed-in account and its clock. */
export interface SuggestionStamp {
  /** The account; `color` is its colour (carets, avatars), so a person's 修订 and caret match. */
  author: { id: string; name: string; color?: string }
  /** ISO time. */
  createdAt: string
  /**
   * For a suggestion imported from a Word revision: the author name in the file (e.g. 张三（基教科）);
   * `author` is then the account that imported the file.
   */
  wordAuthor?: string
}

/** The map of suggestion stamps in a document, or null before the server wrote the first one. */
export function stampsMapOf(doc: Y.Doc): Y.Map<unknown> | null {
  const map = reviewRoot(doc).get(SUGGESTIONS_KEY)
  return map instanceof Y.Map ? (map as Y.Map<unknown>) : null
}

/** The stamp of one suggestion, when it has a stamp's shape (anything malformed is never trusted). */
export function readStamp(doc: Y.Doc, id: string): SuggestionStamp | undefined {
  return asStamp(stampsMapOf(doc)?.get(id))
}

/** Every well-formed stamp of a document, by suggestion id. */
export function readStamps(doc: Y.Doc): Map<string, SuggestionStamp> {
  const out = new Map<string, SuggestionStamp>()
  stampsMapOf(doc)?.forEach((value, id) => {
    const stamp = asStamp(value)
    if (stamp) out.set(id, stamp)
  })
  return out
}

/** A colour as the server writes it (#rrggbb): anything else in a stamp is not trusted into a style attribute. */
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

function asStamp(value: unknown): SuggestionStamp | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const a = v.author as Record<string, unknown> | undefined
  if (!a || typeof a.id !== 'string' || typeof a.name !== 'string' || typeof v.createdAt !== 'string') return undefined
  if (v.wordAuthor !== undefined && typeof v.wordAuthor !== 'string') return undefined
  if (a.color !== undefined && !(typeof a.color === 'string' && HEX_COLOR.test(a.color))) return undefined
  return value as SuggestionStamp
}

/**
 * The 修订 mark a Yjs format key stands for: y-tiptap keeps overlapping marks of one type under
 * `name--<8-character hash>`; any other key is not a 修订 mark.
 */
export function suggestionMarkOfKey(key: string): 'insertion' | 'deletion' | undefined {
  const name = key.replace(/--[a-zA-Z0-9+/=]{8}$/, '')
  return name === 'insertion' || name === 'deletion' ? name : undefined
}

/**
 * The suggestion ids an encoded update writes (insertion/deletion marks set, structural suggestion
 * attributes set), read from its structs without applying it: cheap enough for every update.
 */
export function suggestionIdsInUpdate(update: Uint8Array): Set<string> {
  const ids = new Set<string>()
  // Plain typing carries none of these names: skip decoding it (every editor keystroke comes here).
  if (!SUGGESTION_NAMES.some((name) => containsBytes(update, name))) return ids
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue
    const content = struct.content
    if (content instanceof Y.ContentFormat) {
      const value = content.value as { id?: unknown } | null
      if (suggestionMarkOfKey(content.key) && value && typeof value.id === 'string') ids.add(value.id)
    } else if (content instanceof Y.ContentAny && struct.parentSub === 'suggestion') {
      const parsed = parseSuggestionAttr(content.arr[0])
      if (parsed) ids.add(parsed.id)
    }
  }
  return ids
}

/**
 * The names a suggestion is written under, as UTF-8: update encoding v1 stores format keys and
 * attribute names verbatim, so an update without them writes no suggestion.
 */
const SUGGESTION_NAMES = ['insertion', 'deletion', 'suggestion'].map((name) => new TextEncoder().encode(name))

/** Whether `needle` occurs in `bytes`. */
function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]
  for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1
    while (j < needle.length && bytes[i + j] === needle[j]) j++
    if (j === needle.length) return true
  }
  return false
}

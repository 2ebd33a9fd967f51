import * as Y from 'yjs'
import { suggestionMarkOfKey } from '../../shared/review/suggestStamps.ts'

/** The element attribute of a structural suggestion (an item or section added, deleted or moved). */
const SUGGESTION_ATTR = 'suggestion'

/**
 * Whether an update could decide a suggestion of `doc`, answered from the update's structs and the
 * structs its delete set removes from `doc` as it stands (call before applying it). Only these can:
 * removing a 修订 mark's format (a null format, or deleting its format item), deleting text that
 * carries a 修订 mark, deleting a node that holds a mark or a `suggestion` attribute, or
 * writing/clearing a `suggestion` attribute. A backspace in text without 修订 leaves every
 * suggestion's marks as they were, so the plan need not be read for it.
 */
export function mayDecide(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    // Not an update at all: the room's own check refuses it next (4400), this must not answer 1011 first.
    return false
  }
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue
    if (s.parentSub === SUGGESTION_ATTR) return true
    if (s.content instanceof Y.ContentFormat && s.content.value === null && suggestionMarkOfKey(s.content.key)) return true
  }
  return deletesNearSuggestion(doc, decoded.ds)
}

/** Whether a struct of `doc` the delete set removes holds a suggestion, or is text under a 修订 mark or a mark's own format. */
function deletesNearSuggestion(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  const inTexts = new Map<Y.XmlText, Set<Y.Item>>()
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs?.length) continue
    const last = structs[structs.length - 1]
    const known = last.id.clock + last.length
    for (const { clock, len } of ranges) {
      // Clocks the store does not have are structs of this very update: new, they hold nothing decided before it.
      if (clock >= known || len <= 0) continue
      const end = Math.min(clock + len, known)
      for (let i = Y.findIndexSS(structs, Math.max(clock, structs[0].id.clock)); i < structs.length && structs[i].id.clock < end; i++) {
        const item = structs[i]
        if (!(item instanceof Y.Item) || item.deleted) continue
        if (item.parentSub !== null) {
          if (item.parentSub === SUGGESTION_ATTR) return true
          continue
        }
        if (item.content instanceof Y.ContentType && holdsSuggestion(item.content.type)) return true
        if (item.parent instanceof Y.XmlText) {
          const set = inTexts.get(item.parent) ?? new Set<Y.Item>()
          inTexts.set(item.parent, set.add(item))
        }
      }
    }
  }
  for (const [text, items] of inTexts) if (deletesMarked(text, items)) return true
  return false
}

/**
 * Whether any of `items` (live, in this paragraph's text) is a 修订 mark's format or carries a 修订
 * mark: the text's attributes are followed as Yjs reads them (toDelta), one live format item after
 * another. Text outside every mark can go without any suggestion changing.
 */
function deletesMarked(text: Y.XmlText, items: ReadonlySet<Y.Item>): boolean {
  const active = new Set<string>()
  for (let item = text._start; item; item = item.right) {
    if (item.deleted) continue
    const content = item.content
    if (content instanceof Y.ContentFormat) {
      if (!suggestionMarkOfKey(content.key)) continue
      if (items.has(item)) return true
      if (content.value === null) active.delete(content.key)
      else active.add(content.key)
    } else if (active.size && items.has(item)) return true
  }
  return false
}

/** Whether a node carries a `suggestion` attribute or 修订 marks, itself or anywhere inside. */
function holdsSuggestion(type: Y.AbstractType<unknown>): boolean {
  if (type instanceof Y.XmlText) return hasSuggestionMarks(type)
  if (type instanceof Y.XmlElement && type.getAttribute(SUGGESTION_ATTR) != null) return true
  for (let child = type._start; child; child = child.right) {
    if (!child.deleted && child.content instanceof Y.ContentType && holdsSuggestion(child.content.type)) return true
  }
  return false
}

/** Whether a paragraph's text has a live 修订 format item (a mark that starts somewhere in it). */
function hasSuggestionMarks(text: Y.XmlText): boolean {
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentFormat && item.content.value !== null && suggestionMarkOfKey(item.content.key)) return true
  }
  return false
}

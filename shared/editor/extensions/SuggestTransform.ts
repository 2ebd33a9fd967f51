import { Fragment, type Node as PMNode, type Slice } from '@tiptap/pm/model'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping, ReplaceAroundStep, ReplaceStep, type Step } from '@tiptap/pm/transform'
import { newId } from '../../plan/ids.ts'
import { parseSuggestionAttr } from '../nodes/suggestionAttribute.ts'
import { isRemote } from './isRemote.ts'

/** Meta set on transactions that are already in suggestion form (made by 修订 mode itself, or accept/reject). */
export const SUGGEST_META = 'suggestMode'

/** Meta on every local edit made in 修订 mode: plugins that react to edits (the carried flag) leave suggestions alone. */
export const SUGGESTED_EDIT = 'suggestedEdit'

/** Node types that carry structural suggestions. */
const STRUCTURAL = new Set(['item', 'section', 'subsection'])

/** Metas a rewritten transaction keeps (history, paste and UI event handling read them). */
const KEPT_METAS = ['addToHistory', 'uiEvent', 'paste', 'composition']

/** What the rewrite needs to know: whose suggestions are the writer's own, and the id for new ones at a place. */
export interface SuggestContext {
  isOwn: (id: string) => boolean
  /** The writer's own suggestion id next to any of the positions, or a new one. */
  runId: (doc: PMNode, ...positions: number[]) => string
}

/**
 * The transaction in 修订 form, or null when it already is (then it is dispatched unchanged, which
 * keeps IME composition undisturbed): deleted text stays, marked `deletion` (the writer's own
 * insertions really go); inserted text gets an `insertion` mark; whole items deleted get
 * `suggestion: delete:<id>`, items inserted `insert:<id>`, and an item deleted and inserted again in
 * one transaction (a move) stays at its old place marked deleted and appears at the new one as
 * `move:<same id>`. Joins and other structural changes of text blocks are dropped.
 */
export function suggestTransaction(tr: Transaction, state: EditorState, ctx: SuggestContext): Transaction | null {
  if (!tr.docChanged || isRemote(tr) || tr.getMeta(SUGGEST_META)) return null
  if (tr.steps.every((step, i) => alreadySuggested(step, tr.docs[i], ctx))) return null
  const out = state.tr.setMeta(SUGGEST_META, true).setMeta(SUGGESTED_EDIT, true)
  for (const key of KEPT_METAS) if (tr.getMeta(key) !== undefined) out.setMeta(key, tr.getMeta(key))
  const deletedItems = new Map<string, string>()
  let cursor: number | null = null
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]
    // From this step's document back to the first, then forward through the rewrite so far.
    const map = new Mapping()
    for (let j = i - 1; j >= 0; j--) map.appendMap(tr.steps[j].getMap().invert())
    map.appendMapping(out.mapping)
    if (step instanceof ReplaceStep) cursor = rewriteReplace(out, step, map, state, i === 0 && tr.steps.length === 1, deletedItems, ctx)
    else if (!(step instanceof ReplaceAroundStep)) {
      const mapped = step.map(map)
      if (mapped) out.step(mapped)
    }
  }
  if (cursor !== null) out.setSelection(TextSelection.near(out.doc.resolve(Math.min(cursor, out.doc.content.size))))
  else out.setSelection(state.selection.map(out.doc, out.mapping))
  if (tr.scrolledIntoView) out.scrollIntoView()
  return out
}

/** True when a step only removes the writer's own inserted text and adds text already marked as theirs. */
function alreadySuggested(step: Step, doc: PMNode, ctx: SuggestContext): boolean {
  if (!(step instanceof ReplaceStep)) return !(step instanceof ReplaceAroundStep)
  const $from = doc.resolve(step.from)
  if (step.from < step.to) {
    if ($from.parent !== doc.resolve(step.to).parent) return false
    let own = true
    doc.nodesBetween(step.from, step.to, (node) => {
      if (node.isText && !node.marks.some((m) => m.type.name === 'insertion' && ctx.isOwn(m.attrs.id as string))) own = false
    })
    if (!own) return false
  }
  const inline = inlineNodes(step.slice)
  if (!inline) return false
  return inline.every((node) => node.isText && node.marks.some((m) => m.type.name === 'insertion' && ctx.isOwn(m.attrs.id as string)))
}

/** The inline nodes of a slice that holds only inline content (possibly inside one open text block), or null. */
function inlineNodes(slice: Slice): PMNode[] | null {
  let content: Fragment = slice.content
  for (let d = 0; d < slice.openStart; d++) {
    if (content.childCount !== 1 || slice.openEnd !== slice.openStart) return null
    const first = content.firstChild
    if (!first) return null
    content = first.content
  }
  const nodes: PMNode[] = []
  let inline = true
  content.forEach((node) => {
    if (!node.isInline) inline = false
    nodes.push(node)
  })
  return inline ? nodes : null
}

/** Rewrites one replace step onto `out`; returns where the cursor should go (for single-step edits) or null. */
function rewriteReplace(out: Transaction, step: ReplaceStep, map: Mapping, state: EditorState, single: boolean, deletedItems: Map<string, string>, ctx: SuggestContext): number | null {
  let from = map.map(step.from, 1)
  const to = Math.max(from, map.map(step.to, -1))
  if (step.from === step.to) from = map.map(step.from, -1)
  const before = out.steps.length
  if (from < to) markDeleted(out, from, to, deletedItems, ctx)
  const at = out.mapping.slice(before).map(to, 1)
  const start = out.mapping.slice(before).map(from, -1)
  const inserted = insertSuggested(out, at, step.slice, deletedItems, ctx)
  if (!single) return null
  if (inserted > 0) return at + inserted
  // Backspace leaves the caret before the struck-through text, Delete after it.
  const sel = state.selection
  if (sel.empty && sel.head === step.to) return start
  return out.mapping.slice(before).map(to, 1)
}

/** Marks text and whole structural nodes in the range as suggested deletions; the writer's own suggested content really goes. */
function markDeleted(out: Transaction, from: number, to: number, deletedItems: Map<string, string>, ctx: SuggestContext): void {
  const { deletion } = out.doc.type.schema.marks
  const id = ctx.runId(out.doc, from, to)
  const removals: Array<[number, number]> = []
  out.doc.nodesBetween(from, to, (node, pos) => {
    if (STRUCTURAL.has(node.type.name) && pos >= from && pos + node.nodeSize <= to) {
      const s = parseSuggestionAttr(node.attrs.suggestion)
      if (s && s.kind !== 'delete' && ctx.isOwn(s.id)) removals.push([pos, pos + node.nodeSize])
      else if (!s) {
        out.setNodeAttribute(pos, 'suggestion', `delete:${id}`)
        if (node.attrs.id) deletedItems.set(node.attrs.id as string, id)
      }
      return false
    }
    if (!node.isText) return true
    const a = Math.max(pos, from)
    const b = Math.min(pos + node.nodeSize, to)
    if (a >= b) return false
    const ins = node.marks.find((m) => m.type.name === 'insertion')
    if (ins && ctx.isOwn(ins.attrs.id as string)) removals.push([a, b])
    else if (!node.marks.some((m) => m.type.name === 'deletion')) out.addMark(a, b, deletion.create({ id }))
    return false
  })
  for (const [a, b] of removals.reverse()) out.delete(a, b)
}

/** Inserts a step's content as suggested content at `at`; returns its size (0 when nothing fits there). */
function insertSuggested(out: Transaction, at: number, slice: Slice, deletedItems: Map<string, string>, ctx: SuggestContext): number {
  if (!slice.size) return 0
  const schema = out.doc.type.schema
  const $at = out.doc.resolve(at)
  const inline = inlineNodes(slice)
  if ($at.parent.inlineContent) {
    const text = inline ? inline.map((n) => n.textContent).join('') : slice.content.textBetween(0, slice.content.size, '')
    if (!text) return 0
    const mark = schema.marks.insertion.create({ id: ctx.runId(out.doc, at) })
    const before = out.doc.content.size
    out.insert(at, schema.text(text, [mark]))
    return out.doc.content.size - before
  }
  if (slice.openStart || slice.openEnd) return 0
  const nodes: PMNode[] = []
  let structural = true
  slice.content.forEach((node) => {
    if (!STRUCTURAL.has(node.type.name)) structural = false
    const moved = node.attrs.id ? deletedItems.get(node.attrs.id as string) : undefined
    const suggestion = moved ? `move:${moved}` : `insert:${ctx.runId(out.doc, at)}`
    nodes.push(node.type.create({ ...node.attrs, id: moved ? newId(node.type.name === 'item' ? 'i' : 's') : node.attrs.id, suggestion }, node.content, node.marks))
  })
  if (!structural || !$at.parent.canReplace($at.index(), $at.index(), Fragment.from(nodes))) return 0
  out.insert(at, nodes)
  return slice.size
}

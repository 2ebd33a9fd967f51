import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { diffText } from '../diff/diffText.ts'
import { matchItems } from '../diff/matchItems.ts'
import { newId } from '../plan/ids.ts'
import { newSuggestionId, suggestionMark } from './suggestScan.ts'
import { liveItems, type LiveItem } from './wordReturnLive.ts'
import type { NotPlaced, ReturnedComment, ReturnedFile, ReturnedItem, ReturnedRevision } from './wordReturnTypes.ts'

/** Characters on each side of a revision that must still be there, unchanged and adjacent, in the live item. */
export const CONTEXT_CHARS = 2

/** A suggestion made from Word revisions (one id: a replacement's deletion and insertion share it). */
export interface PlacedSuggestion {
  id: string
  itemId: string
  /** Author name as the file gives it. */
  wordAuthor: string
  date?: string
}

/** A comment thread made from a Word comment. */
export interface PlacedThread {
  id: string
  itemId: string
  quote: string
  text: string
  wordAuthor: string
  date?: string
}

/** The live document with the returned revisions and comments in it, and what went where. */
export interface Placement {
  doc: PMNode
  suggestions: PlacedSuggestion[]
  threads: PlacedThread[]
  notPlaced: NotPlaced[]
}

/** Id makers (tests pass fixed ones). */
export interface PlaceOptions {
  suggestionId?: () => string
  threadId?: () => string
  itemId?: () => string
  /** Threads the document has: a Word comment with the same text on the same item is not added again. */
  existingThreads?: readonly { itemId: string; text: string }[]
}

interface Op {
  kind: 'mark' | 'insert'
  from: number
  to: number
  text: string
  type: 'insertion' | 'deletion' | 'comment'
  id: string
  order: number
}

/**
 * Places a returned file on the live document: its items are matched to the live items by the
 * structural diff's content matching (never by position: the draft may have moved items and
 * renumbered since the export), then each revision is found in its matched item by the words
 * around it — a character diff of the file item's original text against the live item's text,
 * where the revised words and CONTEXT_CHARS on each side must be unchanged. Insertions become
 * insertion-marked text, deletions deletion marks over the live words, comments comment marks;
 * new items become suggested new items after the item they followed. Whatever cannot be found
 * is listed with the reason.
 */
export function placeWordReturn(doc: PMNode, file: ReturnedFile, options: PlaceOptions = {}): Placement {
  const mintSuggestion = options.suggestionId ?? newSuggestionId
  const mintThread = options.threadId ?? (() => newId('c'))
  const live = liveItems(doc)
  const matching = matchItems(
    file.items.map((r) => r.item),
    live.map((l) => ({ id: l.id, title: l.title, body: l.body })),
    { useIds: false },
  )
  const candidates = new Map<number, number[]>()
  for (const g of matching.groups) for (const o of g.olds) candidates.set(o, g.news)
  const out: Placement = { doc, suggestions: [], threads: [], notPlaced: [...file.notPlaced] }
  const ops: Op[] = []
  file.items.forEach((returned, o) => {
    if (!returned.revisions.length && !returned.comments.length) return
    const targets = (candidates.get(o) ?? []).map((n) => ({ live: live[n], map: charMap(textOf(returned), live[n].title + live[n].body) }))
    if (!targets.length) {
      for (const what of pieces(returned)) out.notPlaced.push({ ...what, reason: `当前草稿中找不到与文件第${returned.label}条对应的条目（可能已删除或改写较多）` })
      return
    }
    placeRevisions(doc, returned, targets, mintSuggestion, ops, out)
    placeComments(returned, targets, mintThread, options.existingThreads ?? [], ops, out)
  })
  const tr = new Transform(doc)
  const marks = doc.type.schema.marks
  for (const op of ops) if (op.kind === 'mark') tr.addMark(op.from, op.to, marks[op.type].create({ id: op.id }))
  const inserts = ops.filter((op) => op.kind === 'insert').sort((a, b) => b.from - a.from || b.order - a.order)
  for (const op of inserts) tr.insert(op.from, doc.type.schema.text(op.text, [marks.insertion.create({ id: op.id })]))
  placeNewItems(file, matching.groups, live, tr, mintSuggestion, options.itemId ?? (() => newId('i')), out)
  out.doc = tr.doc
  return out
}

type Target = { live: LiveItem; map: number[] | null }

function placeRevisions(doc: PMNode, returned: ReturnedItem, targets: Target[], mint: () => string, ops: Op[], out: Placement): void {
  const groups = new Map<number, ReturnedRevision[]>()
  for (const rev of returned.revisions) groups.set(rev.group, [...(groups.get(rev.group) ?? []), rev])
  for (const revisions of groups.values()) {
    // A replacement is placed whole or not at all: its new words alone would say something else.
    const found = revisions.map((rev) => locate(targets, rev.at, rev.kind === 'deletion' ? rev.at + rev.text.length : rev.at))
    const problem = found.some((f) => !f)
      ? `文件第${returned.label}条中这处修订前后的原文在当前草稿中已改动，无法确定位置`
      : found.some((f, i) => f && alreadySuggested(doc, f.live, f.from, f.to, revisions[i]))
        ? '当前草稿中这里已有修订（例如导出时带出的同一处修订），未重复导入'
        : null
    if (problem) {
      for (const rev of revisions) out.notPlaced.push({ kind: rev.kind, text: rev.text, reason: problem })
      continue
    }
    let suggestion: PlacedSuggestion | undefined
    revisions.forEach((rev, i) => {
      const { live, from, to } = found[i]!
      suggestion ??= suggestionFor(rev, live, mint, out)
      if (rev.kind === 'insertion') ops.push({ kind: 'insert', from: insertPos(live, from), to: 0, text: rev.text, type: 'insertion', id: suggestion.id, order: ops.length })
      else for (const r of ranges(live, from, to)) ops.push({ kind: 'mark', ...r, text: '', type: 'deletion', id: suggestion.id, order: ops.length })
    })
  }
}

function suggestionFor(rev: ReturnedRevision, live: LiveItem, mint: () => string, out: Placement): PlacedSuggestion {
  const s: PlacedSuggestion = { id: mint(), itemId: live.id, wordAuthor: rev.author, ...(rev.date ? { date: rev.date } : {}) }
  out.suggestions.push(s)
  return s
}

function placeComments(returned: ReturnedItem, targets: Target[], mint: () => string, existing: readonly { itemId: string; text: string }[], ops: Op[], out: Placement): void {
  for (const c of returned.comments) {
    if (existing.some((t) => t.text === c.text && targets.some((target) => target.live.id === t.itemId))) {
      out.notPlaced.push({ kind: 'comment', text: c.text, reason: '文档中这一条目已有相同的批注（例如导出时带出的批注），未重复导入' })
      continue
    }
    // A comment on no original words (only on words added in Word) is put on the whole item.
    const whole = c.from === c.to
    const found = whole ? { live: targets[0].live, from: 0, to: targets[0].live.at.length } : locate(targets, c.from, c.to)
    if (!found) {
      out.notPlaced.push({ kind: 'comment', text: c.text, reason: `文件第${returned.label}条中批注所选的文字在当前草稿中已改动，无法确定位置` })
      continue
    }
    const { live, from, to } = found
    const id = mint()
    for (const r of ranges(live, from, to)) ops.push({ kind: 'mark', ...r, text: '', type: 'comment', id, order: ops.length })
    out.threads.push(threadOf(c, id, live, (live.title + live.body).slice(from, to)))
  }
}

function threadOf(c: ReturnedComment, id: string, live: LiveItem, quote: string): PlacedThread {
  return { id, itemId: live.id, quote, text: c.text, wordAuthor: c.author, ...(c.date ? { date: c.date } : {}) }
}

/** Whole paragraphs added in Word as items: suggested new items after the live item their predecessor in the file matched. */
function placeNewItems(file: ReturnedFile, groups: { olds: number[]; news: number[] }[], live: LiveItem[], tr: Transform, mint: () => string, itemId: () => string, out: Placement): void {
  const schema = tr.doc.type.schema
  for (const added of file.newItems) {
    const text = added.title + added.body
    const anchor = added.after >= 0 ? groups.find((g) => g.olds.includes(added.after)) : groups.find((g) => g.olds.includes(0))
    const neighbour = anchor ? live[added.after >= 0 ? Math.max(...anchor.news) : Math.min(...anchor.news)] : undefined
    if (!neighbour) {
      out.notPlaced.push({ kind: 'item', text, reason: '新增条目前后的条目在当前草稿中找不到，无法确定插入位置' })
      continue
    }
    const id = mint()
    const title = schema.nodes.itemTitle.create(null, added.title ? schema.text(added.title) : null)
    const body = added.body ? [schema.nodes.paragraph.create(null, schema.text(added.body))] : []
    const node = schema.nodes.item.create({ id: itemId(), suggestion: `insert:${id}` }, [title, ...body])
    const at = added.after >= 0 ? tr.mapping.map(neighbour.end, 1) : tr.mapping.map(neighbour.pos, -1)
    tr.insert(at, node)
    out.suggestions.push({ id, itemId: node.attrs.id as string, wordAuthor: added.author, ...(added.date ? { date: added.date } : {}) })
  }
}

/**
 * For each character of `from`, its index in `to` when a character diff keeps it, else -1; null
 * when the diff gave up (the texts are too different to place anything by their words).
 */
export function charMap(from: string, to: string): number[] | null {
  const diff = diffText(from, to)
  if (diff.timedOut) return null
  const map: number[] = []
  let j = 0
  for (const span of diff.spans) {
    if (span.op === 'insert') j += span.text.length
    else if (span.op === 'delete') for (let k = 0; k < span.text.length; k++) map.push(-1)
    else for (let k = 0; k < span.text.length; k++) map.push(j++)
  }
  return map.length === from.length ? map : null
}

/**
 * The live range of original characters [start, end) (start === end: a point), when they and
 * CONTEXT_CHARS characters on each side are kept by the diff and stay adjacent in the live text.
 */
function locate(targets: Target[], start: number, end: number): { live: LiveItem; from: number; to: number } | null {
  for (const { live, map } of targets) {
    if (!map) continue
    const lo = Math.max(0, start - CONTEXT_CHARS)
    const hi = Math.min(map.length, end + CONTEXT_CHARS)
    let ok = hi > lo
    for (let i = lo; ok && i < hi; i++) ok = map[i] >= 0 && (i === lo || map[i] === map[i - 1] + 1)
    if (!ok) continue
    const from = start < map.length ? map[start] : map[start - 1] + 1
    const to = end > start ? map[end - 1] + 1 : from
    return { live, from, to }
  }
  return null
}

/** Whether the draft already has this revision: the words are already marked deleted, or the same words are already suggested at that place. */
function alreadySuggested(doc: PMNode, live: LiveItem, from: number, to: number, rev: ReturnedRevision): boolean {
  if (rev.kind === 'deletion') return live.deleted.slice(from, to).some(Boolean)
  return alreadyInserted(doc, insertPos(live, from), rev.text)
}

/** True when the text right after `pos` is already an insertion suggestion of exactly these words (a revision our export carried out). */
function alreadyInserted(doc: PMNode, pos: number, text: string): boolean {
  const $pos = doc.resolve(pos)
  const parent = $pos.parent
  if (parent.textBetween($pos.parentOffset, Math.min(parent.content.size, $pos.parentOffset + text.length)) !== text) return false
  const next = parent.childAfter($pos.parentOffset).node
  return next !== null && suggestionMark(next.marks, 'insertion') !== undefined
}

/** Where text inserted before live character `q` goes: right after the character before it (so it joins that word), else before q. */
function insertPos(live: LiveItem, q: number): number {
  if (q > 0 && live.at[q - 1] >= 0) return live.at[q - 1] + 1
  if (q < live.at.length && live.at[q] >= 0) return live.at[q]
  return live.pos + 2
}

/** The document ranges of live characters [from, to), split where they are not adjacent (block ends, inserted words). */
function ranges(live: LiveItem, from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  for (let i = from; i < to; i++) {
    const p = live.at[i]
    if (p < 0) continue
    const last = out[out.length - 1]
    if (last && last.to === p) last.to = p + 1
    else out.push({ from: p, to: p + 1 })
  }
  return out
}

function textOf(returned: ReturnedItem): string {
  return returned.item.title + returned.item.body
}

/** Every revision and comment of an item, for a not-placed list. */
function pieces(returned: ReturnedItem): Omit<NotPlaced, 'reason'>[] {
  return [...returned.revisions.map((r) => ({ kind: r.kind, text: r.text })), ...returned.comments.map((c) => ({ kind: 'comment' as const, text: c.text }))]
}

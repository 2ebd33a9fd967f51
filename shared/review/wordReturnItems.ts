import { allItems, itemPlaces } from '../plan/numbering.ts'
import type { Plan } from '../plan/types.ts'
import type { NotPlaced, ReturnedDocx, ReturnedFile, ReturnedItem, ReturnParagraph } from './wordReturnTypes.ts'

/** An item number at the start of a paragraph, as the importer strips it: 1. 1、 （1） 一、 （一） */
const LABEL = /^\s*(?:\d{1,3}\s*[.．、）)]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、)\s*/

/** How many items ahead of the current one a paragraph is looked for (the importer never skips more). */
const LOOK_AHEAD = 3

/** Where one paragraph's original text sits: in which item and at which offset of its title + body (may be negative: the label). */
interface Placed {
  item: number
  offset: number
}

/**
 * Sorts the revisions and comments of a returned file into the items of the plan the text importer
 * read from its original text (deletions kept, insertions left out). Each paragraph is found in the
 * item text it belongs to, in order; revisions get offsets in that item's title + body. Whole
 * paragraphs added in Word become new items when they start with an item number; revisions
 * outside items are listed as not placed.
 */
export function returnedItems(docx: ReturnedDocx, plan: Plan): ReturnedFile {
  const places = itemPlaces(plan)
  const items: ReturnedItem[] = allItems(plan).map((item, i) => ({ item: { ...item, id: '' }, label: `${places[i].number}.`, revisions: [], comments: [] }))
  const texts = items.map((r) => r.item.title + r.item.body)
  const comments = new Map(docx.comments.map((c) => [c.id, c]))
  const out: ReturnedFile = { items, newItems: [], notPlaced: [] }
  const commentRanges = new Map<string, { item: number; from: number; to: number }>()
  let cursor: Placed = { item: 0, offset: 0 }
  let lastItem = -1
  let group = 0
  for (const p of docx.paragraphs) {
    const original = p.runs
      .filter((r) => r.kind !== 'ins')
      .map((r) => r.text)
      .join('')
    const wholeInsert = !original.trim() && p.runs.some((r) => r.kind === 'ins' && r.text.trim())
    if (wholeInsert) {
      newItemOf(p, lastItem, out)
      continue
    }
    const at = original.trim() ? find(original, texts, cursor) : null
    if (!at) {
      outside(p, out.notPlaced)
      continue
    }
    cursor = { item: at.item, offset: at.offset + original.length }
    lastItem = at.item
    let pos = at.offset
    let previous: ReturnParagraph['runs'][number] | undefined
    for (const run of p.runs) {
      if (run.kind !== 'same') {
        // A deletion followed directly by an insertion of the same author is one replacement.
        const joins = previous?.kind === 'del' && run.kind === 'ins' && previous.author === run.author
        if (!joins) group++
        if (pos < 0) out.notPlaced.push({ kind: run.kind === 'ins' ? 'insertion' : 'deletion', text: run.text, reason: '修订在条目编号上，编号由系统生成，未导入' })
        else items[at.item].revisions.push({ kind: run.kind === 'ins' ? 'insertion' : 'deletion', at: pos, text: run.text, author: run.author ?? '', ...(run.date ? { date: run.date } : {}), group })
      }
      const length = run.kind === 'ins' ? 0 : run.text.length
      for (const id of run.comments) widen(commentRanges, id, at.item, Math.max(0, pos), Math.max(0, pos + length))
      pos += length
      previous = run
    }
  }
  for (const [id, range] of commentRanges) {
    const c = comments.get(id)
    if (!c) continue
    comments.delete(id)
    items[range.item].comments.push({ id, from: range.from, to: range.to, author: c.author, ...(c.date ? { date: c.date } : {}), text: c.text })
  }
  // Comments whose words are in no item, or that mark no words at all.
  for (const c of comments.values()) out.notPlaced.push({ kind: 'comment', text: c.text, reason: '批注所在的文字不在任何条目中（标题、章节标题或前言），或批注没有选中文字' })
  return out
}

/** The item and offset of a paragraph's original text, looked for from the cursor on; a leading item number may be missing from the item text. */
function find(original: string, texts: string[], cursor: Placed): Placed | null {
  const stripped = LABEL.exec(original)?.[0].length ?? 0
  for (let i = cursor.item; i < Math.min(texts.length, cursor.item + LOOK_AHEAD + 1); i++) {
    const from = i === cursor.item ? cursor.offset : 0
    const whole = texts[i].indexOf(original, from)
    if (whole >= 0) return { item: i, offset: whole }
    if (!stripped) continue
    const rest = original.slice(stripped).trim()
    const lead = original.slice(stripped).length - original.slice(stripped).trimStart().length
    const at = rest ? texts[i].indexOf(rest, from) : -1
    if (at >= 0) return { item: i, offset: at - stripped - lead }
  }
  return null
}

function widen(ranges: Map<string, { item: number; from: number; to: number }>, id: string, item: number, from: number, to: number): void {
  const known = ranges.get(id)
  // A comment crossing items stays on the first one.
  if (!known) ranges.set(id, { item, from, to })
  else if (known.item === item) ranges.set(id, { item, from: Math.min(known.from, from), to: Math.max(known.to, to) })
}

/** A paragraph added whole in Word: a new item when it starts with an item number, else not placed. */
function newItemOf(p: ReturnParagraph, after: number, out: ReturnedFile): void {
  const text = p.runs
    .filter((r) => r.kind === 'ins')
    .map((r) => r.text)
    .join('')
    .trim()
  const first = p.runs.find((r) => r.kind === 'ins')
  const author = p.inserted?.author ?? first?.author ?? ''
  const date = p.inserted?.date ?? first?.date
  const label = LABEL.exec(text)
  if (!label) {
    out.notPlaced.push({ kind: 'insertion', text, reason: '整段新增的文字不是编号条目，无法确定它属于哪一条，请手工添加' })
    return
  }
  const rest = text.slice(label[0].length)
  const end = rest.search(/[。！？]/)
  const title = end >= 0 ? rest.slice(0, end + 1) : rest
  out.newItems.push({ title, body: rest.slice(title.length).trim(), author, ...(date ? { date } : {}), after })
}

/** Revisions and comments of a paragraph that is in no item. */
function outside(p: ReturnParagraph, notPlaced: NotPlaced[]): void {
  for (const run of p.runs) {
    if (run.kind !== 'same' && run.text.trim())
      notPlaced.push({ kind: run.kind === 'ins' ? 'insertion' : 'deletion', text: run.text, reason: '修订不在任何条目中（标题、章节标题、前言，或无法识别为条目的段落），未导入' })
  }
}

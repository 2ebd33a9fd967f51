import type { ItemRef, TextSpan } from '../diff/types.ts'

/** A run of text with its change mark and whether it belongs to an item's lead sentence (printed bold). */
export interface Segment {
  text: string
  op: TextSpan['op']
  lead: boolean
}

/** One printed paragraph: the item number when an item starts here (e.g. 5.), then its segments. */
export interface Paragraph {
  label?: string
  segments: Segment[]
}

/** Where each item starts in one side's text (items joined by "\n", as the diff joins them) and where its lead sentence ends. */
interface Layout {
  starts: number[]
  leadEnds: number[]
  labels: string[]
}

function layout(refs: ItemRef[]): Layout {
  const out: Layout = { starts: [], leadEnds: [], labels: [] }
  let at = 0
  for (const r of refs) {
    out.starts.push(at)
    out.leadEnds.push(at + r.title.length)
    out.labels.push(r.label)
    at += r.title.length + r.body.length + 1
  }
  return out
}

/** Builds paragraphs chunk by chunk, splitting at lead-sentence ends and merging neighbours with the same marks. */
class ParagraphWriter {
  readonly paragraphs: Paragraph[] = []

  constructor(private readonly lay: Layout | null) {}

  /** Starts a paragraph at a position of the labelled side; it takes the item number when an item starts there. */
  open(pos: number): void {
    const k = this.lay ? this.lay.starts.indexOf(pos) : -1
    this.paragraphs.push(k >= 0 && this.lay ? { label: this.lay.labels[k], segments: [] } : { segments: [] })
  }

  /** Adds text that sits at `pos` in the side `lay` describes (null: no lead marks). */
  write(text: string, op: TextSpan['op'], pos: number, lay: Layout | null): void {
    if (!text) return
    if (!this.paragraphs.length) this.open(pos)
    const leadEnd = lay ? leadEndAt(lay, pos) : -1
    if (leadEnd > pos && leadEnd < pos + text.length) {
      this.push({ text: text.slice(0, leadEnd - pos), op, lead: true })
      this.push({ text: text.slice(leadEnd - pos), op, lead: false })
    } else this.push({ text, op, lead: leadEnd > pos })
  }

  private push(seg: Segment): void {
    const segs = this.paragraphs[this.paragraphs.length - 1].segments
    const last = segs[segs.length - 1]
    if (last && last.op === seg.op && last.lead === seg.lead) last.text += seg.text
    else segs.push(seg)
  }
}

/** The end of the lead sentence of the item that holds `pos`. */
function leadEndAt(lay: Layout, pos: number): number {
  let k = -1
  for (let i = 0; i < lay.starts.length && lay.starts[i] <= pos; i++) k = i
  return k >= 0 ? lay.leadEnds[k] : -1
}

/**
 * One side of an entry as printed paragraphs: the old side keeps equal and deleted text, the new
 * side equal and inserted text; item numbers start their items, lead sentences are marked.
 * `mark` false shows the side plain (an added or removed item is wholly new or old anyway).
 */
export function sideParagraphs(refs: ItemRef[], spans: TextSpan[], side: 'old' | 'new', mark = true): Paragraph[] {
  const own = side === 'old' ? 'delete' : 'insert'
  const lay = layout(refs)
  const w = new ParagraphWriter(lay)
  let pos = 0
  w.open(0)
  for (const s of spans) {
    if (s.op !== 'equal' && s.op !== own) continue
    const op = mark ? s.op : 'equal'
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) w.open(++pos)
      w.write(part, op, pos, lay)
      pos += part.length
    })
  }
  return w.paragraphs
}

/**
 * An entry as one text with its changes inline, in the new text's paragraphs: a paragraph break
 * only where the new text has one (a deleted break joins paragraphs, so it shows nothing), new item
 * numbers where new items start, lead sentences marked on whichever side the text comes from.
 */
export function inlineParagraphs(oldRefs: ItemRef[], newRefs: ItemRef[], spans: TextSpan[]): Paragraph[] {
  const oldLay = layout(oldRefs)
  const newLay = layout(newRefs)
  const w = new ParagraphWriter(newLay)
  let oldPos = 0
  let newPos = 0
  w.open(0)
  for (const s of spans) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) {
        oldPos += s.op === 'insert' ? 0 : 1
        newPos += s.op === 'delete' ? 0 : 1
        if (s.op !== 'delete') w.open(newPos)
      }
      w.write(part, s.op, s.op === 'delete' ? oldPos : newPos, s.op === 'delete' ? oldLay : newLay)
      if (s.op !== 'insert') oldPos += part.length
      if (s.op !== 'delete') newPos += part.length
    })
  }
  return w.paragraphs
}

/** Plain text with its changes inline (a title, a preamble, a heading): paragraphs where the new text breaks, no numbers. */
export function textParagraphs(spans: TextSpan[]): Paragraph[] {
  const w = new ParagraphWriter(null)
  w.open(0)
  for (const s of spans) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0 && s.op !== 'delete') w.open(-1)
      w.write(part, s.op, 0, null)
    })
  }
  return w.paragraphs
}

import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, InsertedTextRun, TextRun, type IParagraphOptions, type Paragraph, type ParagraphChild } from 'docx'
import type { SuggestionStamp } from '../../shared/review/suggestStamps.ts'
import { gridParagraph } from './paragraphs.ts'
import type { BlockShape, Piece, ReviewBlock, TrackedChange } from './reviewBlocks.ts'
import { runOptions, type RunStyle } from './runs.ts'
import { FIRST_LINE_INDENT, STYLE } from './styles.ts'
import type { CommentIds } from './wordComments.ts'
import { wordTime } from './wordTime.ts'
import { xmlSafe } from './xmlSafe.ts'

/** The author, time and w:id of one w:ins or w:del element. */
interface ChangeAttributes {
  id: number
  author: string
  date: string
}

/** What turning review blocks into Word paragraphs needs: who made each suggestion and when, and the Word ids of the exported threads. */
export interface RevisionContext {
  stamps: ReadonlyMap<string, SuggestionStamp>
  comments: CommentIds
  /** Time of a suggestion the server has not stamped (ISO). */
  fallbackTime: string
}

/** A run of one style, one effective change and one set of comment threads. */
interface FlatRun {
  text: string
  style: RunStyle
  change?: TrackedChange
  comments: string[]
}

/** Paragraph settings of each shape, as server/export/paragraphs.ts sets them (the review test compares both exports of an unmarked plan). */
const SHAPES: Record<BlockShape, Omit<IParagraphOptions, 'children'>> = {
  // A marked title is not shaped into lines (titleLines): Word wraps it, centred.
  title: { style: STYLE.title, alignment: AlignmentType.CENTER, keepNext: true, keepLines: true },
  body: { alignment: AlignmentType.BOTH, indent: FIRST_LINE_INDENT },
  item: { alignment: AlignmentType.BOTH, indent: FIRST_LINE_INDENT },
  heading1: { style: STYLE.heading1, alignment: AlignmentType.BOTH, indent: FIRST_LINE_INDENT, keepNext: true },
  heading2: { style: STYLE.heading2, alignment: AlignmentType.BOTH, indent: FIRST_LINE_INDENT, keepNext: true },
}

/** The ids of the 批注 threads whose words are printed (a thread anchored only in the title or notice is not). */
export function anchoredThreads(blocks: readonly ReviewBlock[]): Set<string> {
  const ids = new Set<string>()
  for (const block of blocks) {
    for (const run of flatRuns(block, () => true)) for (const id of run.comments) ids.add(id)
    for (const id of block.pinned ?? []) ids.add(id)
  }
  return ids
}

/**
 * Word paragraphs of review blocks: suggested text as w:ins / w:del with its author's name and the
 * server's time, whole new, deleted or moved items and sections as inserted or deleted paragraphs
 * (their paragraph marks too, so that accepting or rejecting in Word leaves no empty line), and each
 * exported thread as a comment range around its words with the reference after its last word.
 * A thread spanning paragraphs opens in the first and closes in the last.
 */
export function revisionParagraphs(blocks: readonly ReviewBlock[], ctx: RevisionContext): Paragraph[] {
  // Marks of threads not exported (resolved, or never stored) neither split runs nor open ranges.
  const runsOf = blocks.map((b) => flatRuns(b, (id) => ctx.comments.has(id)))
  const { first, last } = commentSpans(runsOf)
  // w:id of revisions come after the comments' ids: annotation ids are unique across a document.
  const attributes = changeAttributes(
    ctx,
    [...ctx.comments.values()].reduce((sum, ids) => sum + ids.length, 0),
  )
  const reference = (c: number): TextRun => new TextRun({ children: [new CommentReference(c)] })
  let at = 0
  return blocks.map((block, b) => {
    const children: ParagraphChild[] = []
    for (const run of runsOf[b]) {
      for (const id of run.comments) if (first.get(id) === at) for (const c of ctx.comments.get(id) ?? []) children.push(new CommentRangeStart(c))
      const options = runOptions(run.text, run.style)
      if (run.change?.kind === 'insertion') children.push(new InsertedTextRun({ ...options, ...attributes(run.change) }))
      else if (run.change?.kind === 'deletion') children.push(new DeletedTextRun({ ...options, ...attributes(run.change) }))
      else children.push(new TextRun(options))
      for (const id of run.comments) if (last.get(id) === at) for (const c of ctx.comments.get(id) ?? []) children.push(new CommentRangeEnd(c), reference(c))
      at++
    }
    // A thread whose words are not printed: a comment on no words at the end of its item's first paragraph.
    for (const id of block.pinned ?? []) for (const c of ctx.comments.get(id) ?? []) children.push(new CommentRangeStart(c), new CommentRangeEnd(c), reference(c))
    return gridParagraph(children, { ...SHAPES[block.shape], ...paragraphMark(block.change, attributes) })
  })
}

/** For each thread, the index (counting runs through all blocks) of the first and the last run carrying it. */
function commentSpans(runsOf: readonly FlatRun[][]): { first: Map<string, number>; last: Map<string, number> } {
  const first = new Map<string, number>()
  const last = new Map<string, number>()
  let n = 0
  for (const runs of runsOf)
    for (const run of runs) {
      for (const id of run.comments) {
        if (!first.has(id)) first.set(id, n)
        last.set(id, n)
      }
      n++
    }
  return { first, last }
}

/** Author, time and a fresh w:id (counting from `firstId`) of each w:ins / w:del; a suggestion without a stamp is by 未署名 at the export's time. */
function changeAttributes(ctx: RevisionContext, firstId: number): (change: TrackedChange) => ChangeAttributes {
  let nextId = firstId
  return (change) => {
    const stamp = ctx.stamps.get(change.id)
    const author = xmlSafe(stamp?.author.name ?? '').trim() || '未署名'
    return { id: nextId++, author, date: (stamp && wordTime(stamp.createdAt)) ?? wordTime(ctx.fallbackTime) ?? '1970-01-01T00:00:00Z' }
  }
}

/** The paragraph mark's own w:ins or w:del, for a paragraph that is all new or all deleted. */
function paragraphMark(change: TrackedChange | undefined, attributes: (c: TrackedChange) => ChangeAttributes): Pick<IParagraphOptions, 'run'> {
  if (!change) return {}
  return { run: change.kind === 'insertion' ? { insertion: attributes(change) } : { deletion: attributes(change) } }
}

/** A block's runs: pieces of one segment merged where their marks agree, the paragraph's structural change applied to unmarked text. */
function flatRuns(block: ReviewBlock, keep: (commentId: string) => boolean): FlatRun[] {
  const out: FlatRun[] = []
  for (const segment of block.segments) {
    let previous: FlatRun | undefined
    for (const piece of segment.pieces) {
      if (!piece.text) continue
      const run = flatRun({ ...piece, comments: piece.comments.filter(keep) }, segment.style, block.change)
      if (previous && sameRun(previous, run)) previous.text += run.text
      else out.push((previous = run))
    }
  }
  return out
}

function flatRun(piece: Piece, style: RunStyle, structural: TrackedChange | undefined): FlatRun {
  const change = piece.change ?? structural
  return { text: piece.text, style, comments: piece.comments, ...(change ? { change } : {}) }
}

function sameRun(a: FlatRun, b: FlatRun): boolean {
  return a.change?.kind === b.change?.kind && a.change?.id === b.change?.id && a.comments.length === b.comments.length && a.comments.every((c, i) => c === b.comments[i])
}

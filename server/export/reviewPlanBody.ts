import type { Node as PMNode } from '@tiptap/pm/model'
import type { ICommentOptions, Paragraph } from 'docx'
import { fieldNote } from '../../shared/breakdown/fieldNote.ts'
import { allItems } from '../../shared/plan/numbering.ts'
import type { Plan } from '../../shared/plan/types.ts'
import type { CommentThread } from '../../shared/review/commentsTypes.ts'
import { planClosing, planHead, type PlanBodyOptions } from './planBody.ts'
import { PRINTED_TITLE_CHARS } from './printablePlan.ts'
import { reviewBody, type ReviewBlock } from './reviewBlocks.ts'
import type { ReviewMarkup } from './reviewOfParts.ts'
import { anchoredThreads, revisionParagraphs } from './revisionRuns.ts'
import { numberComments, wordComments } from './wordComments.ts'

/** Options of the 修订和批注 plan pages. */
export interface ReviewBodyOptions extends PlanBodyOptions {
  /** Print each item's 任务分解 fields after it. */
  fields?: boolean
  /** Time given to a suggestion or comment without a server stamp (ISO). */
  now: string
}

/**
 * The plan's pages with its open suggestions as Word revisions and its open 批注 threads as Word
 * comments, and the comments themselves (for the document's comments part). A title with marks
 * prints them (unshaped); an unmarked title, the closing and (elsewhere) the cover notice print from
 * `plan`, the text as if every suggestion were rejected: their layout places whole lines, which
 * revision runs would break.
 */
export function reviewPlanBody(plan: Plan, markup: ReviewMarkup, options: ReviewBodyOptions): { paragraphs: Paragraph[]; comments: ICommentOptions[] } {
  const notes = new Map<string, string>()
  if (options.fields) {
    for (const item of allItems(plan)) {
      const note = fieldNote(item.breakdown)
      if (note) notes.set(item.id, note)
    }
  }
  const body = reviewBody(markup.doc, (id) => notes.get(id) ?? null)
  // A title past the printed limit is shaped and cut from the clean text instead (see printablePlan).
  const title = body.title && body.title.segments[0].pieces.reduce((n, p) => n + p.text.length, 0) <= PRINTED_TITLE_CHARS ? body.title : undefined
  const blocks = [...(title ? [title] : []), ...body.preamble, ...body.sections]
  const pinned = pinUnprinted(blocks, markup.threads)
  const inText = commentIdsIn(markup.doc)
  // Threads in the order of their words, so that Word's comment ids run down the page.
  const anchored = anchoredThreads(blocks)
  const rank = new Map([...anchored].map((id, i) => [id, i]))
  const threads = markup.threads
    .filter((t) => rank.has(t.id))
    .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
    .map((t) => (pinned.has(t.id) ? { ...t, text: `${inText.has(t.id) ? `（批注在“${t.quote}”上）` : `（原文“${t.quote}”已删除）`}\n${t.text}` } : t))
  const ids = numberComments(threads, anchored)
  const revised = revisionParagraphs(blocks, { stamps: markup.stamps, comments: ids, fallbackTime: options.now })
  const head = planHead(plan, options, title ? revised.shift() : undefined)
  const paragraphs = [...head, ...revised, ...planClosing(plan)]
  return { paragraphs, comments: wordComments(threads, ids, options.now) }
}

/**
 * Pins each open thread whose words are not printed with revisions (all deleted, or in the title) to
 * its item's first paragraph when the item is printed, so that a 征求意见稿 never drops a question;
 * its comment then starts with the words it was on. Threads of items no longer in the plan are left
 * out. Returns the pinned ids.
 */
function pinUnprinted(blocks: ReviewBlock[], threads: readonly CommentThread[]): Set<string> {
  const marked = anchoredThreads(blocks)
  const firstOfItem = new Map<string, ReviewBlock>()
  for (const b of blocks) if (b.itemId && !firstOfItem.has(b.itemId)) firstOfItem.set(b.itemId, b)
  const pinned = new Set<string>()
  for (const t of threads) {
    const block = firstOfItem.get(t.itemId)
    if (t.resolved || marked.has(t.id) || !block) continue
    block.pinned = [...(block.pinned ?? []), t.id]
    pinned.add(t.id)
  }
  return pinned
}

/** Ids of the comment marks anywhere in the document. */
function commentIdsIn(doc: PMNode): Set<string> {
  const ids = new Set<string>()
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'comment' && typeof mark.attrs.id === 'string') ids.add(mark.attrs.id)
    return true
  })
  return ids
}

import type { PlanItem } from '../plan/types.ts'

/** A stretch of a returned paragraph: text left as it was, inserted in Word (w:ins) or deleted there (w:del). */
export interface ReturnRun {
  text: string
  kind: 'same' | 'ins' | 'del'
  /** Author and ISO date of the revision (ins and del only), as the file names them. */
  author?: string
  date?: string
  bold: boolean
  /** Ids of the Word comments whose range covers this run. */
  comments: string[]
}

/** One paragraph of a returned .docx with its revision state. */
export interface ReturnParagraph {
  runs: ReturnRun[]
  /** Set when the paragraph itself was added in Word (its paragraph mark is a revision). */
  inserted?: { author: string; date?: string }
  /** Style id and alignment: the text importer reads a centred or title-styled paragraph as the plan title. */
  styleName?: string
  alignment?: string
}

/** A comment of word/comments.xml. */
export interface WordComment {
  id: string
  author: string
  date?: string
  text: string
}

/** What the reader takes out of a returned .docx (on the import worker). */
export interface ReturnedDocx {
  paragraphs: ReturnParagraph[]
  comments: WordComment[]
}

/** A revision inside one item of the returned file, at offsets of the item's original text (title + body). */
export interface ReturnedRevision {
  kind: 'insertion' | 'deletion'
  /** Start in the original text; an insertion sits before the character at `at`. */
  at: number
  /** Inserted text, or the deleted words (which are in the original text at `at`). */
  text: string
  author: string
  date?: string
  /** Revisions with the same group are one suggestion (a replacement: deleted words and their replacement). */
  group: number
}

/** A comment over words of one item's original text. */
export interface ReturnedComment {
  id: string
  /** Range in the item's original text; from === to when it covers no original words (then the whole item). */
  from: number
  to: number
  author: string
  date?: string
  text: string
}

/** One item of the returned file as the department saw it, with what they changed and said. */
export interface ReturnedItem {
  /** The item in the file's original text (deletions kept, insertions left out); no id. */
  item: PlanItem
  /** Its number in the file, e.g. 3. */
  label: string
  revisions: ReturnedRevision[]
  comments: ReturnedComment[]
}

/** A whole paragraph added in Word that reads as a new item. */
export interface ReturnedNewItem {
  title: string
  body: string
  author: string
  date?: string
  /** Index in `items` of the file item before it, or -1 at the start. */
  after: number
}

/** What could not be placed, and why (shown in the import summary). */
export interface NotPlaced {
  kind: 'insertion' | 'deletion' | 'comment' | 'item'
  text: string
  reason: string
}

/** A returned file read into items (the import worker's answer). */
export interface ReturnedFile {
  items: ReturnedItem[]
  newItems: ReturnedNewItem[]
  /** Revisions and comments outside any item (title, headings, preamble, notice). */
  notPlaced: NotPlaced[]
}

/** The answer of POST /api/documents/:id/word-return. */
export interface WordReturnSummary {
  placedSuggestions: number
  placedComments: number
  notPlaced: NotPlaced[]
}

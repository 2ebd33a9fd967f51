import { Mark } from '@tiptap/core'

/** The longest id a comment or suggestion mark may carry (ids are minted by shared/review, ~16 chars). */
export const REVIEW_ID_MAX = 64

/** The `{id}` attribute every review mark carries: only an id, author and time live in the server-owned `review` root. */
function idOnly(dataAttr: string) {
  return {
    id: {
      default: null as string | null,
      parseHTML: (el: HTMLElement) => el.getAttribute(dataAttr),
      renderHTML: (attrs: Record<string, unknown>) => (attrs.id ? { [dataAttr]: attrs.id } : {}),
    },
  }
}

/**
 * 批注: words a comment thread is anchored on. Comments may overlap, so the mark does not exclude
 * itself; it is not inclusive, so typing at its edge does not widen the anchor.
 */
export const CommentMark = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',
  addAttributes: () => idOnly('data-comment'),
  parseHTML: () => [{ tag: 'span[data-comment]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', { class: 'comment-mark', ...HTMLAttributes }, 0],
})

/**
 * 修订: text suggested for insertion; the id names the suggestion (author and time in the `review`
 * root). Inclusive, so that typing and IME composition at the end of one's own run continue it
 * without stored marks (which would redraw the caret mid-composition).
 */
export const InsertionMark = Mark.create({
  name: 'insertion',
  inclusive: true,
  addAttributes: () => idOnly('data-suggestion'),
  parseHTML: () => [{ tag: 'ins[data-suggestion]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', { class: 'suggest-ins', ...HTMLAttributes }, 0],
})

/** 修订: text suggested for deletion; it stays in the document, struck through, until accepted or rejected. */
export const DeletionMark = Mark.create({
  name: 'deletion',
  inclusive: false,
  addAttributes: () => idOnly('data-suggestion'),
  parseHTML: () => [{ tag: 'del[data-suggestion]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', { class: 'suggest-del', ...HTMLAttributes }, 0],
})

/** The marks text in a plan may carry: review marks only (no bold or italic — Plan JSON and the export have no place for them). */
export const REVIEW_MARKS = 'comment insertion deletion'

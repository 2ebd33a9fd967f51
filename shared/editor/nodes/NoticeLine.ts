import { Node } from '@tiptap/core'
import { REVIEW_MARKS } from '../marks/reviewMarks.ts'

/** The roles a line of a cover notice or closing can have, in print order (发文字号 above the title, GB/T 9704). */
export const NOTICE_ROLES = ['docNumber', 'title', 'addressee', 'body', 'attachment', 'issuer', 'date'] as const

/** One role of a notice line. */
export type NoticeRole = (typeof NOTICE_ROLES)[number]

/** One line of the cover notice or closing: addressee, a paragraph of notice text, 附件, issuer or date. */
export const NoticeLine = Node.create({
  name: 'noticeLine',
  content: 'text*',
  marks: REVIEW_MARKS,
  addAttributes: () => ({
    role: {
      default: 'body',
      // A new line made with Enter is notice text, whatever line it was split from.
      keepOnSplit: false,
      parseHTML: (el: HTMLElement) => el.getAttribute('data-role') ?? 'body',
      renderHTML: (attrs: Record<string, unknown>) => ({ 'data-role': attrs.role }),
    },
  }),
  parseHTML: () => [{ tag: 'p[data-type="notice-line"]' }],
  renderHTML: ({ HTMLAttributes }) => ['p', { 'data-type': 'notice-line', ...HTMLAttributes }, 0],
})

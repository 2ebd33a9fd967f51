import { Node } from '@tiptap/core'
import { REVIEW_MARKS } from '../marks/reviewMarks.ts'

/** An item's lead sentence, printed in bold after its number 1. */
export const ItemTitle = Node.create({
  name: 'itemTitle',
  content: 'text*',
  marks: REVIEW_MARKS,
  defining: true,
  parseHTML: () => [{ tag: 'p[data-type="item-title"]' }],
  renderHTML: () => ['p', { 'data-type': 'item-title', class: 'plan-item-title' }, 0],
})

import { Node } from '@tiptap/core'
import { REVIEW_MARKS } from '../marks/reviewMarks.ts'

/** A sub-section heading; its number （一） is shown from order. */
export const SubsectionHeading = Node.create({
  name: 'subsectionHeading',
  content: 'text*',
  marks: REVIEW_MARKS,
  defining: true,
  parseHTML: () => [{ tag: 'h3[data-type="subsection-heading"]' }],
  renderHTML: () => ['h3', { 'data-type': 'subsection-heading', class: 'plan-subsection-heading' }, 0],
})

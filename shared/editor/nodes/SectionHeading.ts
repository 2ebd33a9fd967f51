import { Node } from '@tiptap/core'
import { REVIEW_MARKS } from '../marks/reviewMarks.ts'

/** A section heading; its number 一、 is shown from order, never typed. */
export const SectionHeading = Node.create({
  name: 'sectionHeading',
  content: 'text*',
  marks: REVIEW_MARKS,
  defining: true,
  parseHTML: () => [{ tag: 'h2[data-type="section-heading"]' }],
  renderHTML: () => ['h2', { 'data-type': 'section-heading', class: 'plan-section-heading' }, 0],
})

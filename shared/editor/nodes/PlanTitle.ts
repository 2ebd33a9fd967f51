import { Node } from '@tiptap/core'
import { REVIEW_MARKS } from '../marks/reviewMarks.ts'

/** The plan's title (2号小标宋 in print). */
export const PlanTitle = Node.create({
  name: 'planTitle',
  content: 'text*',
  marks: REVIEW_MARKS,
  defining: true,
  parseHTML: () => [{ tag: 'h1[data-type="plan-title"]' }, { tag: 'h1' }],
  renderHTML: () => ['h1', { 'data-type': 'plan-title', class: 'plan-title' }, 0],
})

import { Node } from '@tiptap/core'

/** A sub-section heading; its number （一） is shown from order. */
export const SubsectionHeading = Node.create({
  name: 'subsectionHeading',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'h3[data-type="subsection-heading"]' }],
  renderHTML: () => ['h3', { 'data-type': 'subsection-heading', class: 'plan-subsection-heading' }, 0],
})

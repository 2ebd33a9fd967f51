import { Node } from '@tiptap/core'

/** The paragraphs between the title and the first section. */
export const Preamble = Node.create({
  name: 'preamble',
  content: 'paragraph+',
  isolating: true,
  parseHTML: () => [{ tag: 'div[data-type="preamble"]' }],
  renderHTML: () => ['div', { 'data-type': 'preamble', class: 'plan-preamble' }, 0],
})

import { Node } from '@tiptap/core'
import { idAttribute } from './idAttribute.ts'
import { suggestionAttribute } from './suggestionAttribute.ts'

/** A sub-section （一）（二） within a section. */
export const Subsection = Node.create({
  name: 'subsection',
  content: 'subsectionHeading paragraph* item*',
  isolating: true,
  addAttributes: () => ({ ...idAttribute(), ...suggestionAttribute() }),
  parseHTML: () => [{ tag: 'div[data-type="subsection"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', { 'data-type': 'subsection', class: 'plan-subsection', ...HTMLAttributes }, 0],
})

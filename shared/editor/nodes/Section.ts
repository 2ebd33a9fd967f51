import { Node } from '@tiptap/core'
import { idAttribute } from './idAttribute.ts'
import { suggestionAttribute } from './suggestionAttribute.ts'

/** A section 一、二、…: heading, optional intro paragraphs, items, then optional sub-sections. */
export const Section = Node.create({
  name: 'section',
  content: 'sectionHeading paragraph* item* subsection*',
  isolating: true,
  addAttributes: () => ({
    ...idAttribute(),
    ...suggestionAttribute(),
    guidance: {
      default: null as string | null,
      keepOnSplit: false,
      parseHTML: (el: HTMLElement) => el.getAttribute('data-guidance'),
      renderHTML: (attrs: Record<string, unknown>) => (attrs.guidance ? { 'data-guidance': attrs.guidance } : {}),
    },
  }),
  parseHTML: () => [{ tag: 'section[data-type="section"]' }],
  renderHTML: ({ HTMLAttributes }) => ['section', { 'data-type': 'section', class: 'plan-section', ...HTMLAttributes }, 0],
})

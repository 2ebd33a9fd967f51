import { Node } from '@tiptap/core'
import { idAttribute } from './idAttribute.ts'
import { suggestionAttribute } from './suggestionAttribute.ts'

/** A numbered item: its lead sentence (title) and body paragraphs. Carries a stable id. */
export const Item = Node.create({
  name: 'item',
  content: 'itemTitle paragraph*',
  isolating: true,
  addAttributes: () => ({
    ...idAttribute(),
    ...suggestionAttribute(),
    carried: {
      default: false,
      keepOnSplit: false,
      parseHTML: (el: HTMLElement) => el.getAttribute('data-carried') === 'true',
      renderHTML: (attrs: Record<string, unknown>) => (attrs.carried ? { 'data-carried': 'true' } : {}),
    },
  }),
  parseHTML: () => [{ tag: 'div[data-type="item"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', { 'data-type': 'item', class: 'plan-item', ...HTMLAttributes }, 0],
})

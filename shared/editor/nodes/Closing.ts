import { Node } from '@tiptap/core'

/** Issuer and date after the last item; lines are noticeLine with roles issuer and date. */
export const Closing = Node.create({
  name: 'closing',
  content: 'noticeLine+',
  isolating: true,
  parseHTML: () => [{ tag: 'div[data-type="closing"]' }],
  renderHTML: () => ['div', { 'data-type': 'closing', class: 'plan-closing' }, 0],
})

import { Node } from '@tiptap/core'

/** The cover notice (关于印发《…》的通知) printed on the first page; its lines carry roles. */
export const CoverNotice = Node.create({
  name: 'coverNotice',
  content: 'noticeLine+',
  isolating: true,
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="cover-notice"]' }],
  renderHTML: () => ['div', { 'data-type': 'cover-notice', class: 'plan-notice' }, 0],
})

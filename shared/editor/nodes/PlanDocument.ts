import { Node } from '@tiptap/core'

/** The root of a plan: optional cover notice, title, preamble, sections, optional closing. */
export const PlanDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'coverNotice? planTitle preamble section* closing?',
})

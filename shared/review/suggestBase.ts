import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { everySuggestion, resolveSuggestions } from './suggestResolve.ts'

/**
 * The plan as if every open suggestion were rejected and without comment marks: what the text is
 * before review. A reviewer's update must leave it unchanged (the server checks), and checks, diff,
 * alignment and export read it unless asked for the accepted view.
 */
export function baseView(doc: PMNode): PMNode {
  return decidedView(doc, 'reject')
}

/** The plan as if every open suggestion were accepted, without comment marks (the "as if all accepted" export). */
export function acceptedView(doc: PMNode): PMNode {
  return decidedView(doc, 'accept')
}

function decidedView(doc: PMNode, decision: 'accept' | 'reject'): PMNode {
  const tr = new Transform(doc)
  resolveSuggestions(tr, everySuggestion, decision)
  const comment = doc.type.schema.marks.comment
  if (comment) tr.removeMark(0, tr.doc.content.size, comment)
  return tr.doc
}

import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, type Plugin } from '@tiptap/pm/state'
import { planToPm } from '../../shared/editor/convert/planToPm.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import type { Plan } from '../../shared/plan/types.ts'

/** A bare ProseMirror state of a plan in the shared schema, with the given plugins. */
export function planState(plan: Plan, plugins: Plugin[] = []): EditorState {
  return EditorState.create({ schema: planSchema(), doc: PMNode.fromJSON(planSchema(), planToPm(plan)), plugins })
}

/** Position of the n-th (0-based) node of a type in document order. */
export function nthNodePos(doc: PMNode, type: string, n: number): number {
  let found = -1
  let seen = 0
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.type.name === type && seen++ === n) found = pos
    return true
  })
  if (found < 0) throw new Error(`no ${type} #${n}`)
  return found
}

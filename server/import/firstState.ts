import * as Y from 'yjs'
import { writePlan } from '../../shared/collab/ydoc.ts'
import type { Plan } from '../../shared/plan/types.ts'

/** A new document's first state: the plan written into a fresh Y.Doc, encoded, and the client id that wrote it. */
export interface FirstState {
  update: Uint8Array
  client: number
}

/**
 * The first state of a document holding `plan`. Here, below server/docs, so that the import worker
 * can build it off the server thread (0.4–1.8 s for the largest plan the limits accept); documents
 * made on the server thread (templates, 结转) call it through server/docs/planState.ts.
 */
export function firstState(plan: Plan): FirstState {
  const doc = new Y.Doc()
  writePlan(doc, plan)
  const update = Y.encodeStateAsUpdate(doc)
  const client = doc.clientID
  doc.destroy()
  return { update, client }
}

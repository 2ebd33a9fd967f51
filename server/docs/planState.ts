import * as Y from 'yjs'
import { readPlan } from '../../shared/collab/ydoc.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { AppError } from '../AppError.ts'
import { firstState, type FirstState } from '../import/firstState.ts'

/** A new document's first state: the plan written into a fresh Y.Doc, and the client id that wrote it (one implementation, shared with the import worker). */
export const stateOfPlan: (plan: Plan) => FirstState = firstState

/** The plan held by a stored state, read on a private copy (reading may repair odd nodes in place). */
export function planOfState(state: Uint8Array | null): Plan {
  const doc = new Y.Doc()
  try {
    if (state) Y.applyUpdate(doc, state)
    return readPlan(doc)
  } catch {
    throw new AppError('unreadable', '文档内容无法读取，请联系管理员从历史版本恢复', 500)
  } finally {
    doc.destroy()
  }
}

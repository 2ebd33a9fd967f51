import * as Y from 'yjs'
import { readPlan } from '../../shared/collab/ydoc.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { applyParts } from '../storage/documentState.ts'

/** The plan held by a document's stored parts (snapshot and log, or one state), read on a private copy. */
export function planOfParts(parts: readonly Uint8Array[]): Plan {
  const doc = new Y.Doc()
  try {
    applyParts(doc, [...parts])
    return readPlan(doc)
  } finally {
    doc.destroy()
  }
}

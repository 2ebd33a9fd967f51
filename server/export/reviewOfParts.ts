import type { Node as PMNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { attachBreakdowns, readBreakdowns } from '../../shared/breakdown/store.ts'
import { PLAN_FIELD, readMeta, readPlan } from '../../shared/collab/ydoc.ts'
import { pmToPlan } from '../../shared/editor/convert/pmToPlan.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { readThreads } from '../../shared/review/commentsStore.ts'
import type { CommentThread } from '../../shared/review/commentsTypes.ts'
import { acceptedView } from '../../shared/review/suggestBase.ts'
import { readStamps, type SuggestionStamp } from '../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../shared/review/suggestYdoc.ts'
import { applyParts } from '../storage/documentState.ts'

/** A document's text with its review marks, and who made each suggestion and comment (the server's stamps). */
export interface ReviewMarkup {
  /** The editor's document with its insertion, deletion and comment marks and structural suggestions. */
  doc: PMNode
  stamps: Map<string, SuggestionStamp>
  threads: CommentThread[]
}

/** The plan as if every open suggestion were rejected (what the clean export prints) and its review markup, read from stored parts. */
export function reviewOfParts(parts: readonly Uint8Array[]): { plan: Plan; markup: ReviewMarkup } {
  return withDoc(parts, (ydoc) => ({
    plan: readPlan(ydoc),
    markup: { doc: markedDoc(ydoc), stamps: readStamps(ydoc), threads: readThreads(ydoc) },
  }))
}

/** The plan as if every open suggestion were accepted (shared/review acceptedView), with its 任务分解 fields, read from stored parts. */
export function acceptedPlanOfParts(parts: readonly Uint8Array[]): Plan {
  return withDoc(parts, (ydoc) => attachBreakdowns(pmToPlan(acceptedView(markedDoc(ydoc)).toJSON(), readMeta(ydoc)), readBreakdowns(ydoc)))
}

/** The plan fragment with its marks; throws when it does not fit the schema (the export then fails with its error). */
function markedDoc(ydoc: Y.Doc): PMNode {
  return pmDocOfFragment(ydoc.getXmlFragment(PLAN_FIELD), planSchema())
}

/** Runs `read` on a private copy of the document, destroyed afterwards. */
function withDoc<T>(parts: readonly Uint8Array[], read: (ydoc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    applyParts(doc, [...parts])
    return read(doc)
  } finally {
    doc.destroy()
  }
}

import * as Y from 'yjs'
import { readPlan } from '../../shared/collab/ydoc.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { AppError } from '../AppError.ts'
import type { Storage } from '../storage/Storage.ts'
import { applyParts } from '../storage/documentState.ts'

/**
 * The plan as it stood at a history position: every stored update with seq ≤ `seq` applied in
 * order. A compacted entry that straddles `seq` is left out whole (as authorsBetween does), so the
 * base can only be a little older than asked, never newer.
 */
export async function planAtSeq(storage: Storage, docId: string, seq: number): Promise<Plan> {
  const entries = await storage.readUpdates(docId, { upTo: seq })
  const doc = new Y.Doc()
  try {
    applyParts(
      doc,
      entries.map((e) => e.update),
    )
    return readPlan(doc)
  } catch {
    throw new AppError('unreadable', '这一时刻的文档内容无法读取，请换一个对照基准', 500)
  } finally {
    doc.destroy()
  }
}

import * as Y from 'yjs'
import type { Rooms } from '../collab/Rooms.ts'
import type { Storage } from '../storage/Storage.ts'
import { loadDocumentState } from '../storage/documentState.ts'

/**
 * A document's latest stored state and its sequence number: from the open room once its
 * pending writes are stored, else from storage. State and number always match.
 */
export async function currentState(storage: Storage, rooms: Rooms, docId: string): Promise<{ state: Uint8Array | null; seq: number }> {
  const room = rooms.get(docId)
  if (room) {
    await room.flushed()
    // Read in the same tick as the flush resolved: no socket frame can slip in between.
    if (!room.failed) return { state: Y.encodeStateAsUpdate(room.doc), seq: room.seq }
  }
  return loadDocumentState(storage, docId)
}

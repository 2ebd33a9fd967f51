import * as Y from 'yjs'
import type { Room } from '../collab/Room.ts'
import type { Rooms } from '../collab/Rooms.ts'
import type { Storage } from '../storage/Storage.ts'
import { loadDocumentParts, loadDocumentState } from '../storage/documentState.ts'

/**
 * A document's latest accepted state and its sequence number: from the open room once its
 * pending writes are stored; from a room opened for the read when the write-ahead log holds
 * updates the database lacks (a write failed: storage alone would show the document without
 * them); else from storage, once another process that has it open (a cluster) has stored what
 * it accepted. State and number always match.
 */
export async function currentState(storage: Storage, rooms: Rooms, docId: string): Promise<{ state: Uint8Array | null; seq: number }> {
  const room = rooms.get(docId)
  if (room) return roomState(room)
  if (rooms.hasUnstored(docId)) return rooms.use(docId, roomState)
  await rooms.flushedElsewhere(docId)
  return loadDocumentState(storage, docId)
}

/** The room's state after its pending writes; a failed write does not matter, the write-ahead log has them. */
async function roomState(room: Room): Promise<{ state: Uint8Array; seq: number }> {
  await room.flushed()
  // Read in the same tick as the flush resolved: no socket frame can slip in between.
  return { state: Y.encodeStateAsUpdate(room.doc), seq: room.seq }
}

/**
 * The same document as stored parts, for work that reads it off the event loop (export): from the
 * open room (or one opened because the write-ahead log holds what the database lacks) as one
 * encoded state, else the stored snapshot and log as they are, without applying them here.
 */
export async function currentParts(storage: Storage, rooms: Rooms, docId: string): Promise<{ parts: Uint8Array[]; seq: number }> {
  const room = rooms.get(docId)
  const open = room ? await roomState(room) : rooms.hasUnstored(docId) ? await rooms.use(docId, roomState) : null
  if (!open) await rooms.flushedElsewhere(docId)
  return open ? { parts: [open.state], seq: open.seq } : loadDocumentParts(storage, docId)
}

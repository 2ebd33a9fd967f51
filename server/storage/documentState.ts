import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { Storage, WriteOp } from './Storage.ts'

/** Blob key of a document's snapshot: its whole state at one sequence number, so loading need not replay the log. */
export function snapshotKey(docId: string): string {
  return `snapshot!${docId}`
}

/** The write that stores a snapshot of a document at `seq`. */
export function snapshotOp(docId: string, seq: number, state: Uint8Array): WriteOp {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, seq)
  encoding.writeVarUint8Array(e, state)
  return { type: 'putBlob', key: snapshotKey(docId), value: encoding.toUint8Array(e) }
}

/** A document's stored parts (its snapshot, then every log entry after it) and the last sequence number. */
export async function loadDocumentParts(storage: Storage, docId: string): Promise<{ parts: Uint8Array[]; seq: number }> {
  const parts: Uint8Array[] = []
  let after = 0
  const blob = await storage.getBlob(snapshotKey(docId))
  if (blob) {
    const d = decoding.createDecoder(blob)
    after = decoding.readVarUint(d)
    parts.push(decoding.readVarUint8Array(d))
  }
  const entries = await storage.readUpdates(docId, { after })
  for (const e of entries) parts.push(e.update)
  return { parts, seq: entries.length ? entries[entries.length - 1].seq : after }
}

/**
 * Applies stored parts to a document in one transaction. Much faster than Y.mergeUpdates for
 * many small updates (2,000 keystrokes: about 10 ms against 70 ms).
 */
export function applyParts(doc: Y.Doc, parts: Uint8Array[]): void {
  doc.transact(() => {
    for (const part of parts) Y.applyUpdate(doc, part)
  })
}

/** A document's stored state as one update (null when nothing is stored) and the last sequence number. */
export async function loadDocumentState(storage: Storage, docId: string): Promise<{ state: Uint8Array | null; seq: number }> {
  const { parts, seq } = await loadDocumentParts(storage, docId)
  if (parts.length <= 1) return { state: parts[0] ?? null, seq }
  const doc = new Y.Doc()
  applyParts(doc, parts)
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { state, seq }
}

/** Which user each known Yjs client id of a document belongs to. */
export async function loadClientUsers(storage: Storage, docId: string): Promise<Map<number, string>> {
  const rows = await storage.list<string>('clients', `${docId}!`)
  return new Map(rows.map((r) => [Number(r.key.slice(docId.length + 1)), r.value]))
}

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { StoredUpdate } from './Storage.ts'

/** Version of the entry encoding (walRecord.ts writes the same bytes without lib0's encoder). */
export const ENTRY_FORMAT = 1

/** Binary form of a log entry: a small header (author, times, client ids) followed by the update. */
export function encodeEntry(entry: StoredUpdate): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, ENTRY_FORMAT)
  encoding.writeVarUint(e, entry.firstSeq)
  encoding.writeVarUint(e, entry.count)
  encoding.writeFloat64(e, entry.at)
  encoding.writeFloat64(e, entry.firstAt)
  encoding.writeVarString(e, entry.userId)
  encoding.writeVarUint(e, entry.clients.length)
  for (const c of entry.clients) encoding.writeVarUint(e, c)
  encoding.writeVarUint8Array(e, entry.update)
  return encoding.toUint8Array(e)
}

/** Reads a log entry stored under sequence number `seq`. */
export function decodeEntry(seq: number, bytes: Uint8Array): StoredUpdate {
  const d = decoding.createDecoder(bytes)
  const format = decoding.readVarUint(d)
  if (format !== ENTRY_FORMAT) throw new Error(`unknown update entry format ${format}`)
  const firstSeq = decoding.readVarUint(d)
  const count = decoding.readVarUint(d)
  const at = decoding.readFloat64(d)
  const firstAt = decoding.readFloat64(d)
  const userId = decoding.readVarString(d)
  const n = decoding.readVarUint(d)
  const clients: number[] = []
  for (let i = 0; i < n; i++) clients.push(decoding.readVarUint(d))
  // Copy out of the database's buffer so that callers may keep the update.
  const update = Uint8Array.from(decoding.readVarUint8Array(d))
  return { seq, firstSeq, count, at, firstAt, userId, clients, update }
}

import { closeSync, existsSync, fchmodSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import * as decoding from 'lib0/decoding'
import type { Log } from '../log.ts'
import { docKey } from './keys.ts'
import type { Storage, StoredUpdate, WriteOp } from './Storage.ts'
import { decodeEntry } from './updateEntry.ts'
import { WalRecordWriter } from './walRecord.ts'

/** Past this size the log is emptied as soon as everything in it is in the database. */
const TRUNCATE_BYTES = 1024 * 1024

/** The staging buffer's size: a turn's keystrokes from a few hundred editors. */
const STAGING_BYTES = 16 * 1024
/** A staging buffer grown past this by a burst is replaced by a small one after its commit. */
const MAX_IDLE_STAGING_BYTES = 1024 * 1024

/** Writes bytes from `offset` of `buffer` to the file, returning how many it wrote (fs.writeSync; tests inject a full disk). */
export type WriteFn = (fd: number, buffer: Buffer, offset: number) => number

const writeToFile: WriteFn = (fd, buffer, offset) => writeSync(fd, buffer, offset)

/**
 * The commit point of every accepted update: a synchronous append to DATA_DIR/wal.log (a few
 * microseconds, in the operating system's cache the moment it returns, so it survives the
 * process being killed), one for all the updates staged in a turn of the event loop (group
 * commit, server/collab/groupCommit.ts). Rooms broadcast right after it and write the database in the
 * background; a database write costs a thread-pool round trip of 0.1–0.2 ms on an idle server,
 * which would otherwise sit on the path of every edit. On start the log is replayed into the
 * database and emptied.
 *
 * Record: u32 length, u32 CRC-32 of the payload, payload (document id, sequence number, entry).
 */
export class WriteAheadLog {
  /**
   * Documents with appended entries the database does not have yet: the last sequence number
   * appended and the last stored. Numbers, not the entries: entries kept here until their
   * database write were copied to the old generation by nearly every scavenge and made the
   * server's GC pauses longer and its full collections frequent; the rare reader of the entries
   * themselves (a room reopening after a failed database write) reads them from the file.
   */
  private readonly pending = new Map<string, { appended: number; stored: number }>()
  /** Length of the file up to the last whole record. */
  private bytes = 0
  /** Set when a failed append may have left part of a record behind; cut off before the next append. */
  private torn = false
  /** Builds each record in one reused buffer (a keystroke's record is about 70 bytes). */
  private readonly records = new WalRecordWriter()
  /** Records staged for the next commit, back to back in `staging`. */
  private staging = Buffer.allocUnsafe(STAGING_BYTES)
  private stagedBytes = 0
  /** The document and sequence number of each staged record, in order (two arrays: no object per keystroke). */
  private stagedDocs: string[] = []
  private stagedSeqs: number[] = []

  private constructor(
    private readonly fd: number,
    readonly path: string,
    private readonly write: WriteFn,
  ) {}

  /** Replays what a previous run left in the log into `storage`, empties it and opens it for appending (owner-only, 0600). */
  static async open(path: string, storage: Storage, log: Log, write: WriteFn = writeToFile): Promise<WriteAheadLog> {
    if (existsSync(path)) {
      const { entries, torn } = readRecords(readFileSync(path))
      const written = await replay(entries, storage)
      if (entries.length || torn) log.info('wal.replay', { records: entries.length, written, tornTail: torn })
    }
    const fd = openSync(path, 'a', 0o600)
    // The mode above applies only when the file is created; an older log is narrowed too.
    fchmodSync(fd, 0o600)
    ftruncateSync(fd, 0)
    return new WriteAheadLog(fd, path, write)
  }

  /**
   * Appends one accepted update; when this returns it is safe to broadcast it. Throws on a write
   * error (disk full), after cutting off whatever part of the record reached the file: a torn
   * record in the middle would hide every later record from the replay. Commits whatever was
   * staged before it too.
   */
  append(docId: string, entry: StoredUpdate): void {
    this.stage(docId, entry)
    this.commit()
  }

  /**
   * Adds an update's record to the next commit, in memory: nothing may see the update until
   * commit() returned. Lets every update accepted in one turn of the event loop share one write(2)
   * (group commit): the system call, not the record, was most of a keystroke's cost in the log.
   */
  stage(docId: string, entry: StoredUpdate): void {
    const record = this.records.record(docId, entry)
    const end = this.stagedBytes + record.length
    if (end > this.staging.length) {
      const grown = Buffer.allocUnsafe(Math.max(end, 2 * this.staging.length))
      this.staging.copy(grown, 0, 0, this.stagedBytes)
      this.staging = grown
    }
    record.copy(this.staging, this.stagedBytes)
    this.stagedBytes = end
    this.stagedDocs.push(docId)
    this.stagedSeqs.push(entry.seq)
  }

  /**
   * Writes every staged record in one append; when this returns they are safe to broadcast. On a
   * write error (disk full) none of them counts: the part that reached the file is cut off and the
   * error thrown.
   */
  commit(): void {
    const docs = this.stagedDocs
    if (!docs.length) return
    const seqs = this.stagedSeqs
    const bytes = this.stagedBytes
    this.stagedDocs = []
    this.stagedSeqs = []
    this.stagedBytes = 0
    // A burst (a large paste, a reconnect's backlog) must not keep its buffer for ever.
    const buffer = this.staging
    if (buffer.length > MAX_IDLE_STAGING_BYTES) this.staging = Buffer.allocUnsafe(STAGING_BYTES)
    if (this.torn) this.cutTornTail()
    const records = buffer.subarray(0, bytes)
    try {
      let offset = 0
      while (offset < bytes) offset += this.write(this.fd, records, offset)
    } catch (err) {
      this.torn = true
      try {
        this.cutTornTail()
      } catch {
        // Tried again before the next append, which fails until the tail is gone.
      }
      throw err
    }
    this.bytes += bytes
    for (let i = 0; i < docs.length; i++) {
      const pending = this.pending.get(docs[i])
      // A document's entries are appended in sequence order; all before the first pending one are stored.
      if (pending) pending.appended = seqs[i]
      else this.pending.set(docs[i], { appended: seqs[i], stored: seqs[i] - 1 })
    }
  }

  /**
   * Entries of a document that are in the log but not (yet) in the database, in order. A room
   * that reopens after a failed database write starts from these, so that it neither loses them
   * nor gives their sequence numbers to other updates.
   */
  unstored(docId: string): readonly StoredUpdate[] {
    const pending = this.pending.get(docId)
    if (!pending) return []
    // Everything not yet stored is in the file (it is emptied only when nothing is pending).
    const { entries } = readRecords(readFileSync(this.path).subarray(0, this.bytes))
    return entries.filter((r) => r.docId === docId && r.entry.seq > pending.stored).map((r) => r.entry)
  }

  /** Whether the log holds entries of the document that the database does not have yet. */
  hasUnstored(docId: string): boolean {
    return this.pending.has(docId)
  }

  /** Call when a document's entries up to `seq` are in the database; the log is emptied once it is large and all are. */
  stored(docId: string, seq: number): void {
    const pending = this.pending.get(docId)
    if (!pending) return
    if (seq >= pending.appended) this.pending.delete(docId)
    else pending.stored = Math.max(pending.stored, seq)
    if (this.pending.size === 0 && this.bytes > TRUNCATE_BYTES) this.empty()
  }

  /** Empties the log if everything in it is stored, and closes it. */
  close(): void {
    if (this.pending.size === 0) this.empty()
    closeSync(this.fd)
  }

  private empty(): void {
    // Opened with O_APPEND, so later writes go to the new end.
    ftruncateSync(this.fd, 0)
    this.bytes = 0
    this.torn = false
  }

  private cutTornTail(): void {
    ftruncateSync(this.fd, this.bytes)
    this.torn = false
  }
}

/** Records up to the first damaged one (a write cut short by a crash: it was never acknowledged). */
function readRecords(bytes: Buffer): { entries: Array<{ docId: string; entry: StoredUpdate }>; torn: boolean } {
  const entries: Array<{ docId: string; entry: StoredUpdate }> = []
  let offset = 0
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32LE(offset)
    const sum = bytes.readUInt32LE(offset + 4)
    const payload = bytes.subarray(offset + 8, offset + 8 + length)
    if (payload.length !== length || crc32(payload) !== sum) return { entries, torn: true }
    const d = decoding.createDecoder(payload)
    const docId = decoding.readVarString(d)
    const seq = decoding.readVarUint(d)
    entries.push({ docId, entry: decodeEntry(seq, decoding.readVarUint8Array(d)) })
    offset += 8 + length
  }
  return { entries, torn: offset !== bytes.length }
}

/**
 * Writes the logged entries the database lacks. A document's stored entries always form a prefix
 * of its log (one writer per document, in order), so exactly the entries above its last stored
 * sequence number are missing; older ones are skipped (compaction may have merged them since).
 */
async function replay(records: Array<{ docId: string; entry: StoredUpdate }>, storage: Storage): Promise<number> {
  const byDoc = new Map<string, StoredUpdate[]>()
  for (const { docId, entry } of records) byDoc.set(docId, [...(byDoc.get(docId) ?? []), entry])
  let written = 0
  for (const [docId, entries] of byDoc) {
    const last = await storage.lastSeq(docId)
    const missing = entries.filter((e) => e.seq > last).sort((a, b) => a.seq - b.seq)
    if (!missing.length) continue
    const ops: WriteOp[] = missing.map((entry) => ({ type: 'putUpdate', docId, entry }))
    const owners = new Map<number, string>()
    for (const e of missing) for (const c of e.clients) if (!owners.has(c)) owners.set(c, e.userId)
    for (const [client, userId] of owners) {
      if (!(await storage.get<string>('clients', docKey(docId, client)))) ops.push({ type: 'put', collection: 'clients', key: docKey(docId, client), value: userId })
    }
    ops.push({ type: 'put', collection: 'activity', key: docId, value: { updatedAt: new Date(missing[missing.length - 1].at).toISOString() } })
    await storage.write(ops)
    written += missing.length
  }
  return written
}

import { mkdirSync } from 'node:fs'
import { Level } from 'level'
import { prefixRange, seqOfKey, updateKey } from './keys.ts'
import { StorageLockedError, type Collection, type NewUpdate, type Storage, type StoredUpdate, type WriteOp } from './Storage.ts'
import { decodeEntry, encodeEntry } from './updateEntry.ts'

type Db = Level<string, unknown>
type JsonLevel = ReturnType<typeof jsonSublevel>
type BinaryLevel = ReturnType<typeof binarySublevel>

function jsonSublevel(db: Db, name: string) {
  return db.sublevel<string, unknown>(name, { valueEncoding: 'json' })
}

function binarySublevel(db: Db, name: string) {
  return db.sublevel<string, Uint8Array>(name, { valueEncoding: 'view' })
}

/**
 * Storage in one LevelDB database (classic-level): a JSON sublevel per collection, a binary
 * sublevel for blobs and one for the update logs. Writes are not fsynced: a write that resolved
 * is in the operating system's cache and survives the server process being killed, not a power cut.
 */
export class LevelStorage implements Storage {
  private readonly collections = new Map<Collection, JsonLevel>()
  private readonly blobs: BinaryLevel
  private readonly updates: BinaryLevel
  private readonly lastSeqs = new Map<string, number>()
  private readonly appendChains = new Map<string, Promise<unknown>>()

  private constructor(private readonly db: Db) {
    this.blobs = binarySublevel(db, 'blob')
    this.updates = binarySublevel(db, 'update')
  }

  /** Opens (creating if needed) the database in `dir`; throws StorageLockedError when another process holds it. */
  static async open(dir: string): Promise<LevelStorage> {
    mkdirSync(dir, { recursive: true })
    const db: Db = new Level<string, unknown>(dir, { valueEncoding: 'json' })
    try {
      await db.open()
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause
      if (cause?.code === 'LEVEL_LOCKED') throw new StorageLockedError(dir)
      throw err
    }
    return new LevelStorage(db)
  }

  private collection(name: Collection): JsonLevel {
    let sub = this.collections.get(name)
    if (!sub) {
      sub = jsonSublevel(this.db, name)
      this.collections.set(name, sub)
    }
    return sub
  }

  async get<T>(collection: Collection, key: string): Promise<T | undefined> {
    const [value] = await this.collection(collection).getMany([key])
    return value as T | undefined
  }

  async list<T>(collection: Collection, prefix = ''): Promise<Array<{ key: string; value: T }>> {
    const out: Array<{ key: string; value: T }> = []
    const range = prefix ? prefixRange(prefix) : {}
    for await (const [key, value] of this.collection(collection).iterator(range)) out.push({ key, value: value as T })
    return out
  }

  async getBlob(key: string): Promise<Uint8Array | undefined> {
    const [value] = await this.blobs.getMany([key])
    return value ?? undefined
  }

  async write(ops: WriteOp[]): Promise<void> {
    if (!ops.length) return
    const batch = this.db.batch()
    for (const op of ops) {
      switch (op.type) {
        case 'put':
          batch.put(op.key, op.value, { sublevel: this.collection(op.collection) })
          break
        case 'del':
          batch.del(op.key, { sublevel: this.collection(op.collection) })
          break
        case 'putBlob':
          batch.put(op.key, op.value, { sublevel: this.blobs })
          break
        case 'delBlob':
          batch.del(op.key, { sublevel: this.blobs })
          break
        case 'putUpdate':
          batch.put(updateKey(op.docId, op.entry.seq), encodeEntry(op.entry), { sublevel: this.updates })
          break
        case 'delUpdate':
          batch.del(updateKey(op.docId, op.seq), { sublevel: this.updates })
          break
      }
    }
    await batch.write()
    for (const op of ops) {
      if (op.type === 'putUpdate' && (this.lastSeqs.get(op.docId) ?? 0) < op.entry.seq) this.lastSeqs.set(op.docId, op.entry.seq)
    }
  }

  appendUpdates(docId: string, updates: NewUpdate[], ops: WriteOp[] = []): Promise<StoredUpdate[]> {
    // Appends to one document run one after another so that two batches never take the same numbers.
    const previous = this.appendChains.get(docId) ?? Promise.resolve()
    const next = previous.then(async () => {
      let seq = await this.lastSeq(docId)
      const entries = updates.map((u) => {
        seq++
        return { ...u, seq, firstSeq: seq, firstAt: u.at, count: 1 }
      })
      await this.write([...entries.map((entry): WriteOp => ({ type: 'putUpdate', docId, entry })), ...ops])
      return entries
    })
    const settled = next.catch(() => undefined)
    this.appendChains.set(docId, settled)
    void settled.then(() => {
      if (this.appendChains.get(docId) === settled) this.appendChains.delete(docId)
    })
    return next
  }

  async readUpdates(docId: string, range: { after?: number; upTo?: number } = {}): Promise<StoredUpdate[]> {
    const out: StoredUpdate[] = []
    const bounds = {
      gt: updateKey(docId, range.after ?? 0),
      lte: updateKey(docId, range.upTo ?? 999_999_999_999),
    }
    for await (const [key, value] of this.updates.iterator(bounds)) out.push(decodeEntry(seqOfKey(key), value))
    return out
  }

  async lastSeq(docId: string): Promise<number> {
    const cached = this.lastSeqs.get(docId)
    if (cached !== undefined) return cached
    let seq = 0
    for await (const key of this.updates.keys({ ...prefixRange(`${docId}!`), reverse: true, limit: 1 })) seq = seqOfKey(key)
    // A write may have landed while we were reading; never move the number backwards.
    const now = Math.max(seq, this.lastSeqs.get(docId) ?? 0)
    this.lastSeqs.set(docId, now)
    return now
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.appendChains.values()])
    await this.db.close()
  }
}

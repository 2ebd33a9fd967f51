import { Level } from 'level'
import { prefixRange, seqOfKey, updateKey } from './keys.ts'
import { ownerOnlyDir } from './ownerOnly.ts'
import { StorageLockedError, type Collection, type NewUpdate, type Storage, type StoredUpdate, type WriteOp } from './Storage.ts'
import { decodeEntry, encodeEntry } from './updateEntry.ts'

type Db = Level<string, Uint8Array>

const utf8 = new TextEncoder()
const fromUtf8 = new TextDecoder()

/** Key spaces inside the one LevelDB: collections (JSON), blobs, and update logs. */
const collectionKey = (collection: Collection, key: string): string => `c:${collection}:${key}`
const blobKey = (key: string): string => `b:${key}`
const logKey = (docId: string, seq: number): string => `u:${updateKey(docId, seq)}`

/**
 * Storage in one LevelDB database (classic-level) with prefixed keys and binary values: JSON
 * records under `c:<collection>:`, blobs under `b:`, update logs under `u:<docId>!<seq>`. Flat keys
 * rather than sublevels because a sublevel batch took twice as long, and this write is on the
 * path of every edit. Writes are not fsynced: a write that resolved is in the operating system's
 * cache and survives the server process being killed, not a power cut.
 */
export class LevelStorage implements Storage {
  private readonly lastSeqs = new Map<string, number>()
  private readonly appendChains = new Map<string, Promise<unknown>>()

  private constructor(private readonly db: Db) {}

  /** Opens (creating if needed, owner-only) the database in `dir`; throws StorageLockedError when another process holds it. */
  static async open(dir: string): Promise<LevelStorage> {
    ownerOnlyDir(dir)
    const db: Db = new Level<string, Uint8Array>(dir, { valueEncoding: 'view' })
    try {
      await db.open()
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause
      if (cause?.code === 'LEVEL_LOCKED') throw new StorageLockedError(dir)
      throw err
    }
    return new LevelStorage(db)
  }

  async get<T>(collection: Collection, key: string): Promise<T | undefined> {
    const [value] = await this.db.getMany([collectionKey(collection, key)])
    return value === undefined ? undefined : (JSON.parse(fromUtf8.decode(value)) as T)
  }

  async list<T>(collection: Collection, prefix = ''): Promise<Array<{ key: string; value: T }>> {
    const out: Array<{ key: string; value: T }> = []
    const start = collectionKey(collection, '')
    for await (const [key, value] of this.db.iterator(prefixRange(start + prefix))) {
      out.push({ key: key.slice(start.length), value: JSON.parse(fromUtf8.decode(value)) as T })
    }
    return out
  }

  async getBlob(key: string): Promise<Uint8Array | undefined> {
    const [value] = await this.db.getMany([blobKey(key)])
    return value ?? undefined
  }

  async write(ops: WriteOp[]): Promise<void> {
    if (!ops.length) return
    await this.db.batch(
      ops.map((op) => {
        switch (op.type) {
          case 'put':
            return { type: 'put' as const, key: collectionKey(op.collection, op.key), value: utf8.encode(JSON.stringify(op.value)) }
          case 'del':
            return { type: 'del' as const, key: collectionKey(op.collection, op.key) }
          case 'putBlob':
            return { type: 'put' as const, key: blobKey(op.key), value: op.value }
          case 'delBlob':
            return { type: 'del' as const, key: blobKey(op.key) }
          case 'putUpdate':
            return { type: 'put' as const, key: logKey(op.docId, op.entry.seq), value: encodeEntry(op.entry) }
          case 'delUpdate':
            return { type: 'del' as const, key: logKey(op.docId, op.seq) }
        }
      }),
    )
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
      gt: logKey(docId, range.after ?? 0),
      lte: logKey(docId, range.upTo ?? 999_999_999_999),
    }
    for await (const [key, value] of this.db.iterator(bounds)) out.push(decodeEntry(seqOfKey(key), value))
    return out
  }

  async lastSeq(docId: string): Promise<number> {
    const cached = this.lastSeqs.get(docId)
    if (cached !== undefined) return cached
    let seq = 0
    for await (const key of this.db.keys({ ...prefixRange(`u:${docId}!`), reverse: true, limit: 1 })) seq = seqOfKey(key)
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

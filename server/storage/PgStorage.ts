import pg from 'pg'
import { prefixRange } from './keys.ts'
import { migrate, SchemaTooNewError } from './pgMigrations.ts'
import type { Collection, NewUpdate, Storage, StoredUpdate, WriteOp } from './Storage.ts'

/** Rows of the `updates` table as node-postgres returns them (bigint as text). */
interface UpdateRow {
  seq: string
  first_seq: string
  count: number
  at: number
  first_at: number
  user_id: string
  clients: string[]
  update: Buffer
}

/** Parameters per row of a multi-row insert into `updates`; PostgreSQL takes at most 65,535 per statement. */
const UPDATE_COLUMNS = 9
const ROWS_PER_INSERT = 1000
const NO_UPPER_SEQ = 999_999_999_999

/** Thrown by a write of a document's log whose owner lost it: another process claimed a newer fencing number. */
export class FencedOutError extends Error {
  constructor(
    readonly docId: string,
    readonly fence: number,
  ) {
    super(`document ${docId}: fencing number ${fence} is no longer current`)
    this.name = 'FencedOutError'
  }
}

/** Thrown when the database named by DATABASE_URL cannot be reached or prepared. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`无法连接或准备 PostgreSQL 数据库（DATABASE_URL）：${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'DatabaseUnavailableError'
  }
}

/** Options of PgStorage.open. */
export interface PgStorageOptions {
  /** Connections in the pool. @default 10 */
  maxConnections?: number
  /** Called when an idle pooled connection fails (the database restarted); the next query reconnects. */
  onIdleError?: (err: Error) => void
}

/**
 * Storage in PostgreSQL (node-postgres pool): records in `records`, blobs in `blobs`, each
 * document's log in `updates` (one row per entry, primary key (doc_id, seq), so a sequence number
 * can never be taken twice). Every `write` and `appendUpdates` is one transaction; an append takes
 * a per-document advisory lock and numbers after the highest stored seq, so appends from several
 * processes never collide. A resolved write is committed (durable, unlike LevelStorage's).
 */
export class PgStorage implements Storage {
  private readonly appendChains = new Map<string, Promise<unknown>>()
  /**
   * In a cluster: the fencing number this process holds for a document (its log writes are checked
   * against it), undefined when it holds none; null outside a cluster (no checks).
   */
  fenceOf: (docId: string) => number | undefined | null = () => null
  /**
   * In a cluster: how long a fenced write's transaction may sit idle before PostgreSQL ends it. An
   * owner that stalls inside one (paused, swapping) holds the fence row; this frees it for the next owner.
   */
  fencedIdleMs = 5_000

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, runs the migrations, and returns the storage; throws DatabaseUnavailableError when it cannot. */
  static async open(connectionString: string, options: PgStorageOptions = {}): Promise<PgStorage> {
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000 })
    // Without a listener an idle connection's error (database restarted) would crash the process.
    pool.on('error', (err) => options.onIdleError?.(err))
    try {
      const client = await pool.connect()
      try {
        await migrate(client)
      } finally {
        client.release()
      }
    } catch (err) {
      await pool.end().catch(() => undefined)
      throw err instanceof SchemaTooNewError ? err : new DatabaseUnavailableError(err)
    }
    return new PgStorage(pool)
  }

  async get<T>(collection: Collection, key: string): Promise<T | undefined> {
    const { rows } = await this.pool.query<{ value: T }>('SELECT value FROM records WHERE collection = $1 AND key = $2', [collection, key])
    return rows[0]?.value
  }

  async list<T>(collection: Collection, prefix = ''): Promise<Array<{ key: string; value: T }>> {
    // The same bounds as LevelStorage, so both list exactly the same keys in the same (byte) order.
    const { gte, lt } = prefixRange(prefix)
    const { rows } = await this.pool.query<{ key: string; value: T }>('SELECT key, value FROM records WHERE collection = $1 AND key >= $2 AND key < $3 ORDER BY key', [collection, gte, lt])
    return rows
  }

  async getBlob(key: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ value: Buffer }>('SELECT value FROM blobs WHERE key = $1', [key])
    return rows[0] ? new Uint8Array(rows[0].value) : undefined
  }

  async write(ops: WriteOp[]): Promise<void> {
    if (!ops.length) return
    await this.transaction(async (client) => {
      await this.checkFences(client, ops)
      await applyOps(client, ops)
    })
  }

  /**
   * Takes the next fencing number of a document (cluster mode, after taking its lease in Redis):
   * from this commit on, log writes under an older number fail, so a former owner that has not
   * noticed losing its lease can no longer store; whatever it stored before is loaded after this.
   */
  async claimFence(docId: string): Promise<number> {
    const { rows } = await this.pool.query<{ fence: string }>('INSERT INTO fences (doc_id, fence) VALUES ($1, 1) ON CONFLICT (doc_id) DO UPDATE SET fence = fences.fence + 1 RETURNING fence', [docId])
    return Number(rows[0].fence)
  }

  /** The signing key every process of a cluster shares: created once (the first process to ask wins), then read. */
  async sharedSecret(name: string, create: () => Buffer): Promise<Buffer> {
    await this.pool.query('INSERT INTO shared_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, create()])
    const { rows } = await this.pool.query<{ value: Buffer }>('SELECT value FROM shared_keys WHERE name = $1', [name])
    return rows[0].value
  }

  /** Inside a write's transaction: refuses log changes of a document whose fencing number this process no longer holds. */
  private async checkFences(client: pg.PoolClient, ops: WriteOp[]): Promise<void> {
    const docs = new Set(ops.flatMap((op) => (op.type === 'putUpdate' || op.type === 'delUpdate' ? [op.docId] : [])))
    let limited = false
    for (const docId of docs) {
      const fence = this.fenceOf(docId)
      if (fence === null) continue
      if (!limited) {
        limited = true
        await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.max(100, Math.floor(this.fencedIdleMs))}`)
      }
      if (fence === undefined) {
        // Not held here (a lease just lost or given back): only a document nobody ever owned (being created) may be written.
        const { rowCount } = await client.query('SELECT 1 FROM fences WHERE doc_id = $1 FOR UPDATE', [docId])
        if (rowCount) throw new FencedOutError(docId, 0)
        continue
      }
      // The row lock also makes a concurrent claimFence wait until this write is committed.
      const { rowCount } = await client.query('UPDATE fences SET fence = fence WHERE doc_id = $1 AND fence = $2', [docId, fence])
      if (!rowCount) throw new FencedOutError(docId, fence)
    }
  }

  appendUpdates(docId: string, updates: NewUpdate[], ops: WriteOp[] = []): Promise<StoredUpdate[]> {
    // Appends to one document run one after another here; the advisory lock orders them across processes.
    const previous = this.appendChains.get(docId) ?? Promise.resolve()
    const next = previous.then(() =>
      this.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`updates:${docId}`])
        let seq = await maxSeq(client, docId)
        const entries = updates.map((u): StoredUpdate => {
          seq++
          return { ...u, seq, firstSeq: seq, firstAt: u.at, count: 1 }
        })
        await insertUpdates(client, docId, entries, false)
        await applyOps(client, ops)
        return entries
      }),
    )
    const settled = next.catch(() => undefined)
    this.appendChains.set(docId, settled)
    void settled.then(() => {
      if (this.appendChains.get(docId) === settled) this.appendChains.delete(docId)
    })
    return next
  }

  async readUpdates(docId: string, range: { after?: number; upTo?: number } = {}): Promise<StoredUpdate[]> {
    const { rows } = await this.pool.query<UpdateRow>('SELECT seq, first_seq, count, at, first_at, user_id, clients, update FROM updates WHERE doc_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq', [
      docId,
      range.after ?? 0,
      range.upTo ?? NO_UPPER_SEQ,
    ])
    return rows.map(fromRow)
  }

  lastSeq(docId: string): Promise<number> {
    return maxSeq(this.pool, docId)
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.appendChains.values()])
    await this.pool.end()
  }

  /** Runs `fn` in one transaction on one pooled connection; a broken connection is dropped, not reused. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    // A connection the server ends mid-transaction (idle_in_transaction_session_timeout) reports it
    // here; without a listener the process would crash. The next query fails and rolls back anyway.
    const onError = (err: Error): void => {
      broken = err
    }
    client.on('error', onError)
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: unknown) => {
        broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr))
      })
      throw err
    } finally {
      client.off('error', onError)
      client.release(broken)
    }
  }
}

/** Highest sequence number of a document's log (0 when empty). */
async function maxSeq(db: pg.Pool | pg.PoolClient, docId: string): Promise<number> {
  const { rows } = await db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM updates WHERE doc_id = $1', [docId])
  return Number(rows[0]?.seq ?? 0)
}

/** Applies write operations in order inside the caller's transaction. */
async function applyOps(client: pg.PoolClient, ops: WriteOp[]): Promise<void> {
  for (const op of ops) {
    switch (op.type) {
      case 'put':
        await client.query('INSERT INTO records (collection, key, value) VALUES ($1, $2, $3) ON CONFLICT (collection, key) DO UPDATE SET value = EXCLUDED.value', [
          op.collection,
          op.key,
          JSON.stringify(op.value),
        ])
        break
      case 'del':
        await client.query('DELETE FROM records WHERE collection = $1 AND key = $2', [op.collection, op.key])
        break
      case 'putBlob':
        await client.query('INSERT INTO blobs (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [op.key, toBuffer(op.value)])
        break
      case 'delBlob':
        await client.query('DELETE FROM blobs WHERE key = $1', [op.key])
        break
      case 'putUpdate':
        await insertUpdates(client, op.docId, [op.entry], true)
        break
      case 'delUpdate':
        await client.query('DELETE FROM updates WHERE doc_id = $1 AND seq = $2', [op.docId, op.seq])
        break
    }
  }
}

/**
 * Inserts log entries in multi-row statements. `replace` overwrites an entry with the same seq (a
 * put, as compaction and the write-ahead log's replay do); without it a taken seq is an error.
 */
async function insertUpdates(client: pg.PoolClient, docId: string, entries: StoredUpdate[], replace: boolean): Promise<void> {
  for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
    const chunk = entries.slice(start, start + ROWS_PER_INSERT)
    const params: unknown[] = [docId]
    const rows = chunk.map((e) => {
      const at = params.length + 1
      params.push(e.seq, e.firstSeq, e.count, e.at, e.firstAt, e.userId, e.clients, toBuffer(e.update))
      const cells = Array.from({ length: UPDATE_COLUMNS - 1 }, (_, i) => `$${at + i}`)
      return `($1, ${cells.join(', ')})`
    })
    const onConflict = replace
      ? ' ON CONFLICT (doc_id, seq) DO UPDATE SET first_seq = EXCLUDED.first_seq, count = EXCLUDED.count, at = EXCLUDED.at, first_at = EXCLUDED.first_at, user_id = EXCLUDED.user_id, clients = EXCLUDED.clients, update = EXCLUDED.update'
      : ''
    await client.query(`INSERT INTO updates (doc_id, seq, first_seq, count, at, first_at, user_id, clients, update) VALUES ${rows.join(', ')}${onConflict}`, params)
  }
}

/** A log entry from its row. */
function fromRow(row: UpdateRow): StoredUpdate {
  return {
    seq: Number(row.seq),
    firstSeq: Number(row.first_seq),
    count: row.count,
    at: row.at,
    firstAt: row.first_at,
    userId: row.user_id,
    clients: row.clients.map(Number),
    update: new Uint8Array(row.update),
  }
}

/** node-postgres sends Buffers as bytea; a Uint8Array view is wrapped without copying. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

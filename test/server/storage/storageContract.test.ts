// The Storage interface's contract, run against every implementation: LevelDB (embedded) and
// PostgreSQL (a real throwaway cluster). Whatever one does, the other must do the same.
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS, SchemaTooNewError } from '../../../server/storage/pgMigrations.ts'
import { PgStorage } from '../../../server/storage/PgStorage.ts'
import type { NewUpdate, StoredUpdate, WriteOp } from '../../../server/storage/Storage.ts'
import { freePort } from '../../utils/postgres.ts'
import { closeAfterTest as track, storageFactories as factories, testCluster } from './storageFactories.ts'

function update(userId: string, at: number, bytes: number[], clients = [1]): NewUpdate {
  return { userId, at, update: new Uint8Array(bytes), clients }
}

function stored(seq: number, userId = 'u1', extra: Partial<StoredUpdate> = {}): StoredUpdate {
  return { seq, firstSeq: seq, count: 1, at: seq * 1000, firstAt: seq * 1000, userId, clients: [7], update: new Uint8Array([seq, 0, 255]), ...extra }
}

describe.each(factories)('storage on $name', (factory) => {
  it('returns a stored record as it was written and undefined for a missing one', async () => {
    const { storage } = await factory.fresh()
    const value = { name: '李娜', roles: ['editor', null], n: 1.5, nested: { empty: {}, text: '第一部分\n“双减”' } }
    await storage.write([{ type: 'put', collection: 'users', key: 'u1', value }])
    expect(await storage.get('users', 'u1')).toEqual(value)
    expect(await storage.get('users', 'u2')).toBeUndefined()
    expect(await storage.get('documents', 'u1')).toBeUndefined()
    await storage.write([{ type: 'put', collection: 'config', key: 'plain', value: 'text' }])
    expect(await storage.get('config', 'plain')).toBe('text')
  })

  it('overwrites a record on a second put and forgets it on del', async () => {
    const { storage } = await factory.fresh()
    await storage.write([{ type: 'put', collection: 'documents', key: 'd1', value: { title: 'a' } }])
    await storage.write([{ type: 'put', collection: 'documents', key: 'd1', value: { title: 'b' } }])
    expect(await storage.get('documents', 'd1')).toEqual({ title: 'b' })
    await storage.write([{ type: 'del', collection: 'documents', key: 'd1' }])
    expect(await storage.get('documents', 'd1')).toBeUndefined()
    expect(await storage.list('documents')).toEqual([])
  })

  it('lists the keys that start with a prefix, in byte order, and only from one collection', async () => {
    const { storage } = await factory.fresh()
    const keys = ['d1!10', 'd1!2', 'd1!1', 'd10!1', 'd1', 'd2!1', 'd1!张', 'd1!Z', 'd1!a', 'd1!~']
    await storage.write(keys.map((key, i): WriteOp => ({ type: 'put', collection: 'members', key, value: i })))
    await storage.write([{ type: 'put', collection: 'versions', key: 'd1!1', value: 'other collection' }])
    const listed = await storage.list<number>('members', 'd1!')
    expect(listed.map((r) => r.key)).toEqual(['d1!1', 'd1!10', 'd1!2', 'd1!Z', 'd1!a', 'd1!~', 'd1!张'])
    expect(listed.map((r) => r.value)).toEqual([2, 0, 1, 7, 8, 9, 6])
    expect((await storage.list('members')).map((r) => r.key)).toEqual(['d1', 'd1!1', 'd1!10', 'd1!2', 'd1!Z', 'd1!a', 'd1!~', 'd1!张', 'd10!1', 'd2!1'])
    expect(await storage.list('members', 'x')).toEqual([])
  })

  it('keeps blobs byte for byte, returns Uint8Arrays, and deletes them', async () => {
    const { storage } = await factory.fresh()
    const big = new Uint8Array(1 << 20).map((_, i) => (i * 7919) & 255)
    await storage.write([
      { type: 'putBlob', key: 'snap:d1', value: new Uint8Array([0, 1, 0, 255]) },
      { type: 'putBlob', key: 'ver:d1!1', value: big },
    ])
    const small = await storage.getBlob('snap:d1')
    expect(small).toBeInstanceOf(Uint8Array)
    expect(Array.from(small ?? [])).toEqual([0, 1, 0, 255])
    expect(Buffer.compare(Buffer.from((await storage.getBlob('ver:d1!1')) ?? []), Buffer.from(big))).toBe(0)
    await storage.write([{ type: 'delBlob', key: 'snap:d1' }])
    expect(await storage.getBlob('snap:d1')).toBeUndefined()
  })

  it('applies a batch atomically: when one operation fails, none of them is stored', async () => {
    const { storage } = await factory.fresh()
    const failing: WriteOp[] = [
      { type: 'put', collection: 'users', key: 'u1', value: { ok: true } },
      { type: 'putBlob', key: 'b1', value: new Uint8Array([1]) },
      { type: 'putUpdate', docId: 'd1', entry: stored(1) },
      // JSON cannot hold a BigInt: this operation throws after the others were prepared.
      { type: 'put', collection: 'users', key: 'u2', value: { n: 10n } },
    ]
    await expect(storage.write(failing)).rejects.toThrow()
    expect(await storage.get('users', 'u1')).toBeUndefined()
    expect(await storage.getBlob('b1')).toBeUndefined()
    expect(await storage.readUpdates('d1')).toEqual([])
    expect(await storage.lastSeq('d1')).toBe(0)
  })

  it('numbers appended updates from 1 and reads them back with their authors, times and client ids', async () => {
    const { storage } = await factory.fresh()
    expect(await storage.lastSeq('d1')).toBe(0)
    const first = await storage.appendUpdates('d1', [update('u1', 1000.5, [1, 2]), update('u2', 2000, [3], [4294967295, 12])])
    expect(first.map((e) => [e.seq, e.firstSeq, e.count, e.firstAt])).toEqual([
      [1, 1, 1, 1000.5],
      [2, 2, 1, 2000],
    ])
    await storage.appendUpdates('d1', [update('u1', 3000, [5])])
    const read = await storage.readUpdates('d1')
    expect(read).toEqual([
      { seq: 1, firstSeq: 1, count: 1, at: 1000.5, firstAt: 1000.5, userId: 'u1', clients: [1], update: new Uint8Array([1, 2]) },
      { seq: 2, firstSeq: 2, count: 1, at: 2000, firstAt: 2000, userId: 'u2', clients: [4294967295, 12], update: new Uint8Array([3]) },
      { seq: 3, firstSeq: 3, count: 1, at: 3000, firstAt: 3000, userId: 'u1', clients: [1], update: new Uint8Array([5]) },
    ])
    expect(read[0].update).toBeInstanceOf(Uint8Array)
    expect(await storage.lastSeq('d1')).toBe(3)
  })

  it('never gives two concurrent appends the same sequence number', async () => {
    const { storage } = await factory.fresh()
    const batches = await Promise.all(Array.from({ length: 20 }, (_, i) => storage.appendUpdates('d1', [update('u1', i, [i]), update('u1', i, [i, i])])))
    const seqs = batches.flat().map((e) => e.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect((await storage.readUpdates('d1')).length).toBe(40)
    expect(await storage.lastSeq('d1')).toBe(40)
  })

  it('stores the operations given with an append together with it', async () => {
    const { storage } = await factory.fresh()
    await storage.appendUpdates('d1', [update('u1', 1, [1], [9])], [{ type: 'put', collection: 'clients', key: 'd1!9', value: 'u1' }])
    expect(await storage.get('clients', 'd1!9')).toBe('u1')
    await expect(storage.appendUpdates('d1', [update('u1', 2, [2])], [{ type: 'put', collection: 'clients', key: 'x', value: 1n }])).rejects.toThrow()
    expect((await storage.readUpdates('d1')).map((e) => e.seq)).toEqual([1])
    // A failed append does not block the next one.
    expect((await storage.appendUpdates('d1', [update('u1', 3, [3])])).map((e) => e.seq)).toEqual([2])
  })

  it('reads a range of the log (after < seq <= upTo) and keeps documents apart, also d1 from d10', async () => {
    const { storage } = await factory.fresh()
    for (let i = 0; i < 12; i++) await storage.appendUpdates('d1', [update('u1', i, [i])])
    await storage.appendUpdates('d10', [update('u9', 1, [99])])
    expect((await storage.readUpdates('d1', { after: 3, upTo: 10 })).map((e) => e.seq)).toEqual([4, 5, 6, 7, 8, 9, 10])
    expect((await storage.readUpdates('d1', { after: 10 })).map((e) => e.seq)).toEqual([11, 12])
    expect((await storage.readUpdates('d1', { upTo: 2 })).map((e) => e.seq)).toEqual([1, 2])
    expect((await storage.readUpdates('d10')).map((e) => [e.seq, e.userId])).toEqual([[1, 'u9']])
    expect(await storage.lastSeq('d10')).toBe(1)
    expect(await storage.readUpdates('d2')).toEqual([])
  })

  it('replaces and deletes log entries by sequence number, as compaction does', async () => {
    const { storage } = await factory.fresh()
    for (let i = 1; i <= 4; i++) await storage.appendUpdates('d1', [update('u1', i * 1000, [i])])
    // Entries 1-3 merged into one entry stored under seq 3.
    await storage.write([
      { type: 'delUpdate', docId: 'd1', seq: 1 },
      { type: 'delUpdate', docId: 'd1', seq: 2 },
      { type: 'putUpdate', docId: 'd1', entry: stored(3, 'u1', { firstSeq: 1, firstAt: 1000, at: 3000, count: 3 }) },
    ])
    const read = await storage.readUpdates('d1')
    expect(read.map((e) => [e.seq, e.firstSeq, e.count, e.firstAt, e.at])).toEqual([
      [3, 1, 3, 1000, 3000],
      [4, 4, 1, 4000, 4000],
    ])
    expect(await storage.lastSeq('d1')).toBe(4)
    expect((await storage.appendUpdates('d1', [update('u1', 5000, [5])]))[0].seq).toBe(5)
  })

  it('continues the log after a put of an entry beyond the last one (a replayed write-ahead log)', async () => {
    const { storage } = await factory.fresh()
    await storage.write([{ type: 'putUpdate', docId: 'd1', entry: stored(7) }])
    expect(await storage.lastSeq('d1')).toBe(7)
    expect((await storage.appendUpdates('d1', [update('u1', 1, [1])]))[0].seq).toBe(8)
  })

  it('keeps everything over a close and reopen, and refuses calls after close', async () => {
    const { storage, reopen } = await factory.fresh()
    await storage.write([
      { type: 'put', collection: 'versions', key: 'd1!1', value: { name: '征求意见稿' } },
      { type: 'putBlob', key: 'v1', value: new Uint8Array([4, 2]) },
    ])
    await storage.appendUpdates('d1', [update('u1', 1, [1]), update('u1', 2, [2])])
    await storage.close()
    await expect(storage.get('versions', 'd1!1')).rejects.toThrow()
    const again = await reopen()
    expect(await again.get('versions', 'd1!1')).toEqual({ name: '征求意见稿' })
    expect(Array.from((await again.getBlob('v1')) ?? [])).toEqual([4, 2])
    expect(await again.lastSeq('d1')).toBe(2)
    expect((await again.appendUpdates('d1', [update('u1', 3, [3])]))[0].seq).toBe(3)
  })
})

describe('PostgreSQL migrations', () => {
  async function versions(url: string): Promise<number[]> {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)
    } finally {
      await client.end()
    }
  }

  it('creates the tables on the first start and does nothing on later ones, also when two servers start at once', async () => {
    const url = await (await testCluster()).newDatabase()
    const [a, b] = await Promise.all([PgStorage.open(url), PgStorage.open(url)])
    track(a)
    track(b)
    expect(await versions(url)).toEqual(MIGRATIONS.map((m) => m.version))
    await a.appendUpdates('d1', [update('u1', 1, [1])])
    await a.close()
    const c = track(await PgStorage.open(url))
    expect(await versions(url)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(await c.lastSeq('d1')).toBe(1)
  })

  it('gives appends from two servers on one database distinct sequence numbers (a per-document lock, not the process, orders them)', async () => {
    const url = await (await testCluster()).newDatabase()
    const [a, b] = [track(await PgStorage.open(url)), track(await PgStorage.open(url))]
    const appends = Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).appendUpdates('d1', [update(i % 2 ? 'ua' : 'ub', i, [i])]))
    const seqs = (await Promise.all(appends)).flat().map((e) => e.seq)
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect((await a.readUpdates('d1')).map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
  })

  it('refuses to start on a database that a newer server migrated', async () => {
    const url = await (await testCluster()).newDatabase()
    await track(await PgStorage.open(url)).close()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`)
    await client.end()
    await expect(PgStorage.open(url)).rejects.toThrow(SchemaTooNewError)
  })

  it('says in Chinese that the database cannot be reached when nothing listens at DATABASE_URL', async () => {
    const port = await freePort()
    await expect(PgStorage.open(`postgres://postgres@127.0.0.1:${port}/none`)).rejects.toThrow(/无法连接或准备 PostgreSQL 数据库/)
  })
})

import { appendFileSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compactHistory } from '../../../server/history/compactHistory.ts'
import { silentLog } from '../../../server/log.ts'
import type { Storage, StoredUpdate } from '../../../server/storage/Storage.ts'
import { WriteAheadLog, type WriteFn } from '../../../server/storage/WriteAheadLog.ts'
import { storageFactories, type StorageFactory } from './storageFactories.ts'

// The log replays into whichever storage the server uses: every test runs on LevelDB and on PostgreSQL.
async function setup(factory: StorageFactory): Promise<{ dir: string; storage: Storage }> {
  const { storage, dir } = await factory.fresh()
  return { dir, storage }
}

function entry(seq: number, userId = 'u1', client = 7): StoredUpdate {
  return { seq, firstSeq: seq, count: 1, at: seq * 1000, firstAt: seq * 1000, userId, clients: [client], update: new Uint8Array([0, 0]) }
}

describe.each(storageFactories)('the write-ahead log on $name', (factory) => {
  it('replays on the next start exactly the entries the database lacks, then empties itself', async () => {
    const { dir, storage } = await setup(factory)
    const path = join(dir, 'wal.log')
    const wal = await WriteAheadLog.open(path, storage, silentLog)
    for (const seq of [1, 2, 3]) wal.append('d1', entry(seq))
    wal.append('d2', entry(1, 'u2', 9))
    // Only d1's first two made it to the database before the "crash".
    await storage.write([entry(1), entry(2)].map((e) => ({ type: 'putUpdate' as const, docId: 'd1', entry: e })))

    const again = await WriteAheadLog.open(path, storage, silentLog)
    expect((await storage.readUpdates('d1')).map((e) => e.seq)).toEqual([1, 2, 3])
    expect((await storage.readUpdates('d2')).map((e) => [e.seq, e.userId])).toEqual([[1, 'u2']])
    expect(await storage.get('clients', 'd2!9')).toBe('u2')
    expect(statSync(path).size).toBe(0)
    again.close()
  })

  it('ignores a record cut short by a crash and keeps everything before it', async () => {
    const { dir, storage } = await setup(factory)
    const path = join(dir, 'wal.log')
    const wal = await WriteAheadLog.open(path, storage, silentLog)
    wal.append('d1', entry(1))
    wal.append('d1', entry(2))
    const whole = readFileSync(path)
    appendFileSync(path, whole.subarray(0, 13))
    await WriteAheadLog.open(path, storage, silentLog)
    expect((await storage.readUpdates('d1')).map((e) => e.seq)).toEqual([1, 2])
  })

  it('does not bring back entries that compaction merged after they were stored', async () => {
    const { dir, storage } = await setup(factory)
    const path = join(dir, 'wal.log')
    const wal = await WriteAheadLog.open(path, storage, silentLog)
    for (const seq of [1, 2, 3]) wal.append('d1', entry(seq))
    await storage.write([1, 2, 3].map((seq) => ({ type: 'putUpdate' as const, docId: 'd1', entry: entry(seq) })))
    await compactHistory(storage, 'd1')
    expect((await storage.readUpdates('d1')).map((e) => [e.firstSeq, e.seq])).toEqual([[1, 3]])
    await WriteAheadLog.open(path, storage, silentLog)
    expect((await storage.readUpdates('d1')).map((e) => [e.firstSeq, e.seq])).toEqual([[1, 3]])
  })
})

describe.each(storageFactories)('the write-ahead log on a full disk, on $name', (factory) => {
  it('cuts off a record that a full disk cut short, so that records appended after space was freed still replay', async () => {
    const { dir, storage } = await setup(factory)
    const path = join(dir, 'wal.log')
    const disk = { full: false }
    // A full disk takes the first 10 bytes of a record, then refuses the rest.
    const write: WriteFn = (fd, buffer, offset) => {
      if (!disk.full) return writeSync(fd, buffer, offset)
      if (offset === 0) return writeSync(fd, buffer, 0, 10)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    const wal = await WriteAheadLog.open(path, storage, silentLog, write)
    wal.append('d1', entry(1))
    disk.full = true
    expect(() => wal.append('d1', entry(2))).toThrow(/ENOSPC/)
    disk.full = false
    wal.append('d1', entry(2))
    wal.append('d1', entry(3))
    expect(wal.unstored('d1').map((e) => e.seq)).toEqual([1, 2, 3])

    await WriteAheadLog.open(path, storage, silentLog)
    expect((await storage.readUpdates('d1')).map((e) => e.seq)).toEqual([1, 2, 3])
  })

  it('remembers per document what the database does not have yet, until it is stored', async () => {
    const { dir, storage } = await setup(factory)
    const wal = await WriteAheadLog.open(join(dir, 'wal.log'), storage, silentLog)
    for (const seq of [1, 2, 3]) wal.append('d1', entry(seq))
    wal.append('d2', entry(1))
    wal.stored('d1', 2)
    expect(wal.unstored('d1').map((e) => e.seq)).toEqual([3])
    expect(wal.unstored('d2').map((e) => e.seq)).toEqual([1])
    wal.stored('d1', 3)
    wal.stored('d2', 1)
    expect(wal.unstored('d1')).toEqual([])
    wal.close()
  })

  it('gives back whole entries (author, time, clients, bytes) of a document not yet stored, from the file, and says whether it has any', async () => {
    const { dir, storage } = await setup(factory)
    const wal = await WriteAheadLog.open(join(dir, 'wal.log'), storage, silentLog)
    const written = [1, 2, 3].map((seq) => ({ ...entry(seq, `u${seq}`, 40 + seq), update: new Uint8Array([seq, 1, 2, 3]) }))
    for (const e of written) wal.append('d1', e)
    wal.append('d2', entry(1))
    wal.stored('d1', 1)
    expect(wal.unstored('d1')).toEqual(written.slice(1))
    expect(wal.hasUnstored('d1')).toBe(true)
    wal.stored('d1', 3)
    expect(wal.hasUnstored('d1')).toBe(false)
    expect(wal.hasUnstored('d2')).toBe(true)
    // A document that starts pending again after everything was stored: only its new entries.
    wal.append('d1', { ...entry(4), update: new Uint8Array([4]) })
    expect(wal.unstored('d1').map((e) => e.seq)).toEqual([4])
    wal.close()
  })
})

import { crc32 } from 'node:zlib'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import type { StoredUpdate } from '../../../server/storage/Storage.ts'
import { decodeEntry, encodeEntry } from '../../../server/storage/updateEntry.ts'
import { WalRecordWriter } from '../../../server/storage/walRecord.ts'
import { seededRandom } from '../../utils/seededRandom.ts'

/** The record as the log wrote it with lib0's encoder before WalRecordWriter (the reference format). */
function lib0Record(docId: string, entry: StoredUpdate): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, docId)
  encoding.writeVarUint(e, entry.seq)
  encoding.writeVarUint8Array(e, encodeEntry(entry))
  const payload = encoding.toUint8Array(e)
  const record = Buffer.allocUnsafe(8 + payload.length)
  record.writeUInt32LE(payload.length, 0)
  record.writeUInt32LE(crc32(payload), 4)
  record.set(payload, 8)
  return record
}

const random = seededRandom()
const STRINGS = ['', 'u1', 'admin-张三', '😀x', 'lone \ud800 surrogate', 'x'.repeat(200), '文'.repeat(60)]
const NUMBERS = [0, 1, 127, 128, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER]

function pick<T>(xs: readonly T[]): T {
  return xs[random.int(xs.length)]
}

function randomEntry(): StoredUpdate {
  const number = (): number => (random.next() < 0.5 ? pick(NUMBERS) : random.int(1_000_000))
  const updateBytes = pick([0, 1, 29, 127, 128, 1000, 70_000, 200_000])
  const update = new Uint8Array(updateBytes).map(() => random.int(256))
  const clients = Array.from({ length: random.int(4) }, () => pick([0, 1, 127, 128, 2 ** 31, 2 ** 32 - 1, random.int(2 ** 32)]))
  return { seq: number(), firstSeq: number(), count: number(), at: random.next() * 2e12, firstAt: pick([0, -1.5, 1.7e12, Number.MAX_VALUE]), userId: pick(STRINGS), clients, update }
}

describe('write-ahead log records', () => {
  it(`are byte for byte what lib0's encoder wrote, for random entries (TEST_SEED=${random.seed})`, () => {
    const writer = new WalRecordWriter()
    for (let i = 0; i < 300; i++) {
      const docId = pick(STRINGS)
      const entry = randomEntry()
      expect(Buffer.compare(writer.record(docId, entry), lib0Record(docId, entry)), `entry ${i}`).toBe(0)
    }
  })

  it('decode back to the entry they were written from', () => {
    const writer = new WalRecordWriter()
    const entry: StoredUpdate = { seq: 300, firstSeq: 299, count: 2, at: 1_764_000_000_123, firstAt: 1_764_000_000_001, userId: 'u-王', clients: [7, 2 ** 32 - 1], update: new Uint8Array([1, 2, 3]) }
    const record = writer.record('doc-1', entry)
    expect(record.readUInt32LE(0)).toBe(record.length - 8)
    expect(record.readUInt32LE(4)).toBe(crc32(record.subarray(8)))
    const d = decoding.createDecoder(record.subarray(8))
    expect(decoding.readVarString(d)).toBe('doc-1')
    const seq = decoding.readVarUint(d)
    expect(decodeEntry(seq, decoding.readVarUint8Array(d))).toEqual(entry)
  })

  it('stay correct for more distinct document and user ids than the writer keeps encoded, and for ids seen before that', () => {
    const writer = new WalRecordWriter()
    const entry = (seq: number, userId: string): StoredUpdate => ({ seq, firstSeq: seq, count: 1, at: seq, firstAt: seq, userId, clients: [seq], update: new Uint8Array([seq % 256, 1]) })
    for (let i = 0; i < 700; i++) {
      // Ids come back after hundreds of others (the writer's cache of encoded ids has been emptied by then).
      const docId = `文档-${i % 300}`
      const e = entry(i + 1, `用户-${(i * 7) % 290}`)
      expect(Buffer.compare(writer.record(docId, e), lib0Record(docId, e)), `record ${i}`).toBe(0)
    }
  })

  it('stay correct when a large record comes between small ones (the reused buffer is not overrun)', () => {
    const writer = new WalRecordWriter()
    const small = (seq: number): StoredUpdate => ({ seq, firstSeq: seq, count: 1, at: seq, firstAt: seq, userId: 'u', clients: [1], update: new Uint8Array([seq % 256]) })
    const large: StoredUpdate = { ...small(2), update: new Uint8Array(100_000).fill(9) }
    for (const [i, entry] of [small(1), large, small(3), { ...large, seq: 4 }, small(5)].entries()) {
      expect(Buffer.compare(writer.record('d', entry), lib0Record('d', entry)), `record ${i}`).toBe(0)
    }
  })
})

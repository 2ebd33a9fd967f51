import { crc32 } from 'node:zlib'
import type { StoredUpdate } from './Storage.ts'
import { ENTRY_FORMAT } from './updateEntry.ts'

/** Records up to this size are built in the writer's reused buffer; a larger one (a big paste or restore) gets its own. */
const SCRATCH_BYTES = 64 * 1024

/**
 * Builds write-ahead log records: u32 length, u32 CRC-32 of the payload, then the payload
 * (lib0 var-string document id, var-uint sequence number, var-uint8-array of the updateEntry
 * encoding). Byte for byte what lib0's encoder and encodeEntry produce, but written straight into
 * one reused buffer: the encoders allocated five buffers per keystroke, which with their garbage
 * cost more than the write(2) itself.
 */
export class WalRecordWriter {
  private scratch = Buffer.allocUnsafe(1024)
  private buf = this.scratch
  private pos = 0

  /** The record of one entry: a view of the writer's buffer, valid until the next call (write it at once). */
  record(docId: string, entry: StoredUpdate): Buffer {
    const docBytes = Buffer.byteLength(docId)
    const userBytes = Buffer.byteLength(entry.userId)
    let clientBytes = 0
    for (const c of entry.clients) clientBytes += varUintSize(c)
    const entryBytes =
      varUintSize(ENTRY_FORMAT) +
      varUintSize(entry.firstSeq) +
      varUintSize(entry.count) +
      16 +
      varUintSize(userBytes) +
      userBytes +
      varUintSize(entry.clients.length) +
      clientBytes +
      varUintSize(entry.update.length) +
      entry.update.length
    const payloadBytes = varUintSize(docBytes) + docBytes + varUintSize(entry.seq) + varUintSize(entryBytes) + entryBytes
    const total = 8 + payloadBytes
    if (total > this.scratch.length && total <= SCRATCH_BYTES) this.scratch = Buffer.allocUnsafe(Math.min(SCRATCH_BYTES, 2 * total))
    this.buf = total <= this.scratch.length ? this.scratch : Buffer.allocUnsafe(total)
    this.pos = 8
    this.string(docId, docBytes)
    this.varUint(entry.seq)
    this.varUint(entryBytes)
    this.varUint(ENTRY_FORMAT)
    this.varUint(entry.firstSeq)
    this.varUint(entry.count)
    this.pos = this.buf.writeDoubleBE(entry.at, this.pos)
    this.pos = this.buf.writeDoubleBE(entry.firstAt, this.pos)
    this.string(entry.userId, userBytes)
    this.varUint(entry.clients.length)
    for (const c of entry.clients) this.varUint(c)
    this.varUint(entry.update.length)
    this.buf.set(entry.update, this.pos)
    this.pos += entry.update.length
    if (this.pos !== total) throw new Error(`wal record size ${this.pos} != ${total}`)
    const record = this.buf.subarray(0, total)
    record.writeUInt32LE(payloadBytes, 0)
    record.writeUInt32LE(crc32(record.subarray(8)), 4)
    return record
  }

  /** lib0's var-uint: seven bits a byte, low first, the high bit set on all but the last. */
  private varUint(n: number): void {
    while (n > 0x7f) {
      this.buf[this.pos++] = 0x80 | (n % 0x80)
      n = Math.floor(n / 0x80)
    }
    this.buf[this.pos++] = n
  }

  /** lib0's var-string: the UTF-8 byte count, then the bytes. */
  private string(s: string, bytes: number): void {
    this.varUint(bytes)
    this.pos += this.buf.write(s, this.pos, 'utf8')
  }
}

/** Bytes of n as a var-uint. */
function varUintSize(n: number): number {
  let size = 1
  while (n > 0x7f) {
    n = Math.floor(n / 0x80)
    size++
  }
  return size
}

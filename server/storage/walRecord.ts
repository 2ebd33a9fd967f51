import { crc32 } from 'node:zlib'
import { crc32Of } from './crc32.ts'
import type { StoredUpdate } from './Storage.ts'
import { ENTRY_FORMAT } from './updateEntry.ts'

/** Records up to this size are built in the writer's reused buffer; a larger one (a big paste or restore) gets its own. */
const SCRATCH_BYTES = 64 * 1024

/** Document and user ids kept encoded as UTF-8 (they repeat in every record); emptied when it reaches this many. */
const ENCODED_IDS = 256

/** Byte runs up to this length are copied byte by byte: cheaper than the native copy's call for a keystroke's few bytes. */
const LOOP_COPY_BYTES = 64

/** Payloads up to this size are summed in JavaScript (crc32.ts), larger ones by node:zlib, which is faster on long runs. */
const JS_CRC_BYTES = 4096

/**
 * Builds write-ahead log records: u32 length, u32 CRC-32 of the payload, then the payload
 * (lib0 var-string document id, var-uint sequence number, var-uint8-array of the updateEntry
 * encoding). Byte for byte what lib0's encoder and encodeEntry produce, but written straight into
 * one reused buffer: the encoders allocated five buffers per keystroke, which with their garbage
 * cost more than the write(2) itself.
 */
export class WalRecordWriter {
  private scratch = Buffer.allocUnsafe(1024)
  private readonly encoded = new Map<string, Buffer>()

  /** The record of one entry: a view of the writer's buffer, valid until the next call (write it at once). */
  record(docId: string, entry: StoredUpdate): Buffer {
    const doc = this.utf8(docId)
    const user = this.utf8(entry.userId)
    const { clients, update } = entry
    let clientBytes = 0
    for (let i = 0; i < clients.length; i++) clientBytes += varUintSize(clients[i])
    const entryBytes =
      varUintSize(ENTRY_FORMAT) +
      varUintSize(entry.firstSeq) +
      varUintSize(entry.count) +
      16 +
      varUintSize(user.length) +
      user.length +
      varUintSize(clients.length) +
      clientBytes +
      varUintSize(update.length) +
      update.length
    const payloadBytes = varUintSize(doc.length) + doc.length + varUintSize(entry.seq) + varUintSize(entryBytes) + entryBytes
    const total = 8 + payloadBytes
    if (total > this.scratch.length && total <= SCRATCH_BYTES) this.scratch = Buffer.allocUnsafe(Math.min(SCRATCH_BYTES, 2 * total))
    const buf = total <= this.scratch.length ? this.scratch : Buffer.allocUnsafe(total)
    let pos = writeBytes(buf, 8, doc)
    pos = writeVarUint(buf, pos, entry.seq)
    pos = writeVarUint(buf, pos, entryBytes)
    pos = writeVarUint(buf, pos, ENTRY_FORMAT)
    pos = writeVarUint(buf, pos, entry.firstSeq)
    pos = writeVarUint(buf, pos, entry.count)
    pos = buf.writeDoubleBE(entry.at, pos)
    pos = buf.writeDoubleBE(entry.firstAt, pos)
    pos = writeBytes(buf, pos, user)
    pos = writeVarUint(buf, pos, clients.length)
    for (let i = 0; i < clients.length; i++) pos = writeVarUint(buf, pos, clients[i])
    pos = writeBytes(buf, pos, update)
    if (pos !== total) throw new Error(`wal record size ${pos} != ${total}`)
    buf.writeUInt32LE(payloadBytes, 0)
    buf.writeUInt32LE(payloadBytes <= JS_CRC_BYTES ? crc32Of(buf, 8, total) : crc32(buf.subarray(8, total)), 4)
    return buf.subarray(0, total)
  }

  /** A string's UTF-8 bytes (lone surrogates become U+FFFD, as lib0's encoder writes them). */
  private utf8(s: string): Buffer {
    let bytes = this.encoded.get(s)
    if (bytes) return bytes
    if (this.encoded.size >= ENCODED_IDS) this.encoded.clear()
    bytes = Buffer.from(s, 'utf8')
    this.encoded.set(s, bytes)
    return bytes
  }
}

/** lib0's var-uint at `pos`: seven bits a byte, low first, the high bit set on all but the last; returns the position after it. */
function writeVarUint(buf: Buffer, pos: number, n: number): number {
  while (n > 0x7f) {
    buf[pos++] = 0x80 | (n % 0x80)
    n = Math.floor(n / 0x80)
  }
  buf[pos++] = n
  return pos
}

/** lib0's var-uint8-array (and var-string, given its UTF-8): the byte count, then the bytes; returns the position after them. */
function writeBytes(buf: Buffer, pos: number, bytes: Uint8Array): number {
  const n = bytes.length
  pos = writeVarUint(buf, pos, n)
  if (n > LOOP_COPY_BYTES) buf.set(bytes, pos)
  else for (let i = 0; i < n; i++) buf[pos + i] = bytes[i]
  return pos + n
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

/** CRC-32 tables (IEEE, reflected: zlib's), four of 256 entries for four bytes a step. */
const TABLES = new Int32Array(4 * 256)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  TABLES[n] = c
}
for (let t = 1; t < 4; t++) {
  for (let n = 0; n < 256; n++) {
    const prev = TABLES[(t - 1) * 256 + n]
    TABLES[t * 256 + n] = (prev >>> 8) ^ TABLES[prev & 0xff]
  }
}

/**
 * zlib's CRC-32 of `bytes[from, to)`, in JavaScript. For a keystroke's write-ahead log record
 * (about 70 bytes) it costs a third of node:zlib's crc32 with the subarray that call needs: the
 * native call, not the sum, was most of the time. Large buffers are faster through node:zlib.
 */
export function crc32Of(bytes: Uint8Array, from: number, to: number): number {
  let c = -1
  let i = from
  for (; i + 4 <= to; i += 4) {
    c ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)
    c = TABLES[768 + (c & 0xff)] ^ TABLES[512 + ((c >>> 8) & 0xff)] ^ TABLES[256 + ((c >>> 16) & 0xff)] ^ TABLES[c >>> 24]
  }
  for (; i < to; i++) c = TABLES[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

import { inflateRawSync } from 'node:zlib'
import { PlanError } from '../../../shared/plan/errors.ts'
import { formatBytes, RATIO_FLOOR_BYTES, type ImportLimits } from '../importLimits.ts'

/** One entry of the zip's central directory, as declared (not yet trusted). */
interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const DAMAGED = '.docx 文件已损坏，无法读取其中的内容；请在 Word 或 WPS 中打开并重新保存后再导入'
const NOT_ZIP = '文件不是有效的 .docx 文件（不是 zip 压缩包）；旧版 .doc 或损坏的文件请在 Word 或 WPS 中另存为 .docx 后再导入'

/**
 * Reads a zip into a map of inflated entries, refusing on the declared sizes before inflating
 * anything (entry count, total inflated size, size of one XML part, compression ratio), then
 * inflating each entry with its declared size as a hard cap, so a header that lies about the size
 * is caught at that size instead of filling the memory. Only stored and deflated entries are read.
 */
export function readZip(bytes: Uint8Array, limits: ImportLimits): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const entries = centralDirectory(bytes, view, limits)
  checkDeclared(entries, limits)
  const files = new Map<string, Uint8Array>()
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    if (files.has(entry.name)) throw new PlanError('docx-damaged', DAMAGED)
    files.set(entry.name, inflateEntry(bytes, view, entry))
  }
  return files
}

/** Entries listed in the central directory; PlanError when there is no zip end record or too many entries. */
function centralDirectory(bytes: Uint8Array, view: DataView, limits: ImportLimits): ZipEntry[] {
  const end = findEndRecord(view)
  if (end < 0) throw new PlanError('not-a-docx', NOT_ZIP)
  const count = view.getUint16(end + 10, true)
  if (count === 0xffff) throw tooLarge(`文件中的条目数超过上限（${limits.entries} 个）`)
  if (count > limits.entries) throw tooLarge(`文件中的条目数（${count} 个）超过上限（${limits.entries} 个）`)
  let at = view.getUint32(end + 16, true)
  const entries: ZipEntry[] = []
  const names = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new PlanError('docx-damaged', DAMAGED)
    const nameLength = view.getUint16(at + 28, true)
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    if (next > bytes.length) throw new PlanError('docx-damaged', DAMAGED)
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    })
    at = next
  }
  return entries
}

/** The offset of the end-of-central-directory record, searched back over the longest comment; -1 if none. */
function findEndRecord(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at
  }
  return -1
}

/** Refuses on what the directory declares, before a byte is inflated. */
function checkDeclared(entries: ZipEntry[], limits: ImportLimits): void {
  let total = 0
  for (const e of entries) {
    // 0xffffffff means the real size is in a zip64 record: more than 4 GB, far over every limit.
    total += e.uncompressedSize
    if (total > limits.totalUncompressedBytes || e.uncompressedSize === 0xffffffff) {
      throw tooLarge(`文件解压后超过上限（${formatBytes(limits.totalUncompressedBytes)}）`)
    }
    if (isXml(e.name) && e.uncompressedSize > limits.xmlPartBytes) {
      throw tooLarge(`文件中的 ${e.name} 解压后为 ${formatBytes(e.uncompressedSize)}，超过单个部件的上限（${formatBytes(limits.xmlPartBytes)}）`)
    }
    if (e.uncompressedSize >= RATIO_FLOOR_BYTES && e.uncompressedSize > e.compressedSize * limits.compressionRatio) {
      throw tooLarge(`文件中的 ${e.name} 压缩比超过上限（${limits.compressionRatio} 倍），疑似压缩炸弹`)
    }
  }
}

/** An entry's bytes, inflated to at most its declared size; PlanError when the data does not match the directory. */
function inflateEntry(bytes: Uint8Array, view: DataView, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new PlanError('docx-damaged', '.docx 文件已加密，请在 Word 或 WPS 中取消密码后再导入')
  const at = e.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new PlanError('docx-damaged', DAMAGED)
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  if (start + e.compressedSize > bytes.length) throw new PlanError('docx-damaged', DAMAGED)
  const data = bytes.subarray(start, start + e.compressedSize)
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw new PlanError('docx-damaged', DAMAGED)
    return data
  }
  if (e.method !== 8) throw new PlanError('docx-damaged', DAMAGED)
  let out: Buffer
  try {
    // The cap is the declared size: a deflate stream that would inflate further is a lie, stopped here.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) })
  } catch (err) {
    if (err instanceof RangeError) throw tooLarge(`文件中的 ${e.name} 解压后比声明的大小（${formatBytes(e.uncompressedSize)}）更大，疑似压缩炸弹`)
    throw new PlanError('docx-damaged', DAMAGED)
  }
  if (out.length !== e.uncompressedSize) throw new PlanError('docx-damaged', DAMAGED)
  return new Uint8Array(out.buffer, out.byteOffset, out.length)
}

/** Parts read as XML by the importer or mammoth. */
export function isXml(name: string): boolean {
  return /\.(xml|rels)$/i.test(name)
}

function tooLarge(message: string): PlanError {
  return new PlanError('docx-too-large', message)
}

/**
 * How much a .docx may hold. Every limit is checked before the data it guards is inflated or
 * parsed: the zip's central directory is read first (sizes, entries, ratio), each entry is then
 * inflated with its declared size as a hard cap, and every XML part is scanned (depth, nodes,
 * DOCTYPE) before mammoth or our own parser builds anything from it. A real 300-item plan uses a
 * small fraction of each.
 */
export interface ImportLimits {
  /** Bytes of the uploaded file itself. @default 10 MB */
  fileBytes: number
  /** Entries (files) in the zip. @default 1000 */
  entries: number
  /** Bytes of all entries together once inflated. @default 64 MB */
  totalUncompressedBytes: number
  /** Bytes of one XML part once inflated (document.xml, styles.xml …). @default 20 MB */
  xmlPartBytes: number
  /** Inflated size / compressed size of one entry, checked for entries over 64 KB inflated. @default 100 */
  compressionRatio: number
  /** Nesting depth of elements in one XML part. @default 100 */
  xmlDepth: number
  /** Elements in one XML part. @default 1,000,000 */
  xmlNodes: number
  /** Paragraphs (w:p) in the main document. @default 20,000 */
  paragraphs: number
  /** Characters of text (w:t) in the main document. @default 2,000,000 */
  textChars: number
  /** Heap (old generation) of the server's import worker, in MB; an import over it fails alone. @default 256 */
  workerHeapMb: number
  /** Time the server's import worker may spend on one file, in ms. @default 20,000 */
  timeoutMs: number
}

/** The limits used unless the server or the CLI is configured otherwise (IMPORT_LIMIT_<NAME>). */
export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  fileBytes: 10 * 1024 * 1024,
  entries: 1000,
  totalUncompressedBytes: 64 * 1024 * 1024,
  xmlPartBytes: 20 * 1024 * 1024,
  compressionRatio: 100,
  xmlDepth: 100,
  xmlNodes: 1_000_000,
  paragraphs: 20_000,
  textChars: 2_000_000,
  workerHeapMb: 256,
  timeoutMs: 20_000,
})

/** Entries smaller than this once inflated are not held to the compression ratio (tiny parts compress oddly). */
export const RATIO_FLOOR_BYTES = 64 * 1024

/** A byte count for messages: "64 MB", "512 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`
  return `${n} 字节`
}

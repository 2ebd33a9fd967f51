import { PlanError } from '../plan/errors.ts'

/** Largest input an import accepts; real plans are well under 1 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** Text decoded from a file, with the encoding that was detected. */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'
}

/** Decodes a text file in UTF-8, UTF-16 (with BOM) or GB18030/GBK, detected without being told; throws PlanError for empty, binary or oversized input. */
export function decodeText(bytes: Uint8Array): DecodedText {
  checkSize(bytes)
  const bom = bomEncoding(bytes)
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom }
  if (looksBinary(bytes)) throw new PlanError('binary-file', '文件不是文本文件（含有二进制内容），请上传 .txt、.docx 或 Plan JSON 文件')
  let text: string
  let encoding: DecodedText['encoding'] = 'utf-8'
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('gb18030').decode(bytes)
    encoding = 'gb18030'
  }
  if (text.replace(/^\ufeff/, '').trim() === '') throw new PlanError('empty-file', '文件是空的，没有可导入的文字')
  return { text: text.replace(/^\ufeff/, ''), encoding }
}

/** Throws for an empty or oversized file. */
export function checkSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new PlanError('empty-file', '文件是空的，没有可导入的文字')
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    throw new PlanError('file-too-large', `文件太大（${mb} MB），导入上限为 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
  }
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

/** NUL bytes or many control characters in the first 8 KB mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const b of sample) {
    if (b === 0) return true
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++
  }
  return control > sample.length * 0.02
}

import { constants, crc32, deflateRawSync } from 'node:zlib'

/** One entry of a hand-made zip: its bytes as stored, and what the headers declare. */
export interface RawEntry {
  name: string
  /** Bytes as they go into the file (already deflated when method is 8). */
  data: Uint8Array
  /** 0 stored, 8 deflated. */
  method: 0 | 8
  /** Size the headers declare once inflated (may lie). */
  declaredSize: number
  crc?: number
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** The package parts every .docx has besides the main document (content types and relationships). */
export function packageParts(): RawEntry[] {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  return [stored('[Content_Types].xml', types), stored('_rels/.rels', rels)]
}

/** A stored (uncompressed) entry with honest headers. */
export function stored(name: string, text: string | Uint8Array): RawEntry {
  const data = typeof text === 'string' ? new TextEncoder().encode(text) : text
  return { name, data, method: 0, declaredSize: data.length, crc: crc32(data) }
}

/** A deflated entry with honest headers. */
export function deflated(name: string, text: string): RawEntry {
  const raw = new TextEncoder().encode(text)
  return { name, data: deflateRawSync(raw), method: 8, declaredSize: raw.length, crc: crc32(raw) }
}

/**
 * A deflate stream that inflates to `unit` repeated up to about `totalBytes`, built without ever
 * holding the inflated data: one 1 MB block of units is deflated with a sync flush (so it ends on
 * a byte boundary and refers only to itself), repeated, and closed with an empty final block.
 */
export function bombStream(unit: string, totalBytes: number): { data: Uint8Array; size: number } {
  const perChunk = Math.floor((1024 * 1024) / unit.length)
  const chunk = Buffer.from(unit.repeat(perChunk))
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH })
  const count = Math.max(1, Math.floor(totalBytes / chunk.length))
  const data = Buffer.concat([...Array.from({ length: count }, () => block), Buffer.from([0x03, 0x00])])
  return { data: new Uint8Array(data), size: count * chunk.length }
}

/** The main document part around some body XML. */
export function documentXml(body: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`
}

/** Writes a zip from raw entries exactly as given (sizes, methods), the way a hostile tool would. */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(0x0800, 6)
    header.writeUInt16LE(e.method, 8)
    header.writeUInt32LE(e.crc ?? 0, 14)
    header.writeUInt32LE(e.data.length, 18)
    header.writeUInt32LE(e.declaredSize >>> 0, 22)
    header.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt32LE(e.crc ?? 0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.declaredSize >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(header, name, Buffer.from(e.data))
    centrals.push(central, name)
    offset += 30 + name.length + e.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

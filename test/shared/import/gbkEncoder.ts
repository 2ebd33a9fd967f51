let table: Map<string, [number, number]> | undefined

/**
 * Encodes text in GBK for tests, from a table: every two-byte GBK code (lead 0x81–0xFE, trail
 * 0x40–0xFE without 0x7F) is decoded once and the character mapped back to its bytes. Characters
 * outside GBK are refused, so a test cannot pass by silently falling back to UTF-8.
 */
export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable()
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) {
      out.push(code)
      continue
    }
    const bytes = table.get(ch)
    if (!bytes) throw new Error(`not in GBK: ${ch}`)
    out.push(...bytes)
  }
  return new Uint8Array(out)
}

function buildTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder('gbk')
  const map = new Map<string, [number, number]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail])
    }
  }
  return map
}

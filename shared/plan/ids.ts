const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * A new random id for an item or section. Uses getRandomValues rather than randomUUID because
 * randomUUID is missing in browsers on plain-http office networks (not a secure context).
 */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  let out = prefix
  for (const b of bytes) out += ALPHABET[b % 36]
  return out
}

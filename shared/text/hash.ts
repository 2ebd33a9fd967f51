/** FNV-1a over a text's UTF-16 code units, as an unsigned 32-bit number: cheap, stable across runs and machines. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** FNV-1a of a text as 8 hex digits: enough to tell "unchanged" from "changed" (links store it). */
export function textHash(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0')
}

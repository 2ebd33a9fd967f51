const OPEN: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '〈': '〉' }

/**
 * For each offset of `text`, whether it lies inside quotation marks or a title (“五项管理”, 《三年行动计划》).
 * Figures there name a programme (“5+2”模式, “两个面积”) rather than set a target. An unclosed mark ends at
 * the end of its sentence so that one stray “ cannot hide the rest of the text.
 */
export function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  let close = ''
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (close) {
      if (ch === close) {
        mask.fill(1, start, i + 1)
        close = ''
      } else if (/[。；！？\n]/.test(ch)) {
        mask.fill(1, start, i)
        close = ''
      }
      continue
    }
    if (OPEN[ch]) {
      close = OPEN[ch]
      start = i
    }
  }
  if (close) mask.fill(1, start, text.length)
  return mask
}

/** The phrases quoted in a text (“五项管理” → 五项管理), so that the same name unquoted is not read as a figure. */
export function quotedPhrases(text: string): string[] {
  const phrases = new Set<string>()
  for (const m of text.matchAll(/“([^“”\n]{2,20})”/g)) phrases.add(m[1])
  return [...phrases]
}

/**
 * Printed width of text in ems of its font size: Chinese characters, full-width punctuation, dashes,
 * ellipses, curly quotes and characters outside the BMP take one em; ASCII digits, letters and spaces,
 * which the GB2312 fonts set half-width, take half an em.
 */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += charWidth(ch)
  return width
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0
  return code < 0x2000 ? 0.5 : 1
}

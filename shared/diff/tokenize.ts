/**
 * Diff tokens of Chinese plan text: each Han character and punctuation mark alone, digit runs whole
 * with their decimals and % (50%, 2.0), Latin words whole, runs of spaces whole. A changed figure
 * then shows as 60% → 65%, never as 6[0→5]%.
 */
const TOKEN = /\d+(?:\.\d+)?%?|[A-Za-z]+|[ \t\u3000]+|[\s\S]/gu

/** Splits a text into diff tokens; joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

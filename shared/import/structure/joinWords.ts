/** Two pieces of one line broken apart: a space between Latin letters or digits, none in Chinese text. */
export function joinWords(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b
}

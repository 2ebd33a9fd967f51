/** Lines without any letter, digit or Han character (a lone "|" left by a web copy). */
const NO_TEXT = /^[^\p{L}\p{N}]+$/u

/** Removes lines that hold only symbols; empty lines are kept as paragraph breaks. */
export function removeStrayLines(lines: string[]): { lines: string[]; removed: number } {
  const kept = lines.filter((l) => l.trim() === '' || !NO_TEXT.test(l.trim()))
  return { lines: kept, removed: lines.length - kept.length }
}

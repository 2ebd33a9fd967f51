const NUMERIC = /^\s*(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?\s*$/

/**
 * A date as GB/T 9704 prints it: Arabic numerals without zero padding, 2024年3月5日. Dates written
 * 2024-03-05, 2024.3.5 or 2024年03月05日 are rewritten; anything else (二〇二四年…) is kept as it is.
 */
export function officialDate(date: string): string {
  const m = NUMERIC.exec(date)
  if (!m) return date.trim()
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/**
 * A stamp's time as Word writes w:date: the local (Beijing) wall-clock time with a trailing "Z",
 * to the second. Word and WPS show w:date as written, so a true UTC time would show 8 hours early
 * to every reader in China; Word itself writes its users' local time this way. Null for a time that
 * does not parse (the caller falls back).
 */
export function wordTime(iso: string): string | null {
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms)) return null
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The same wall-clock time as a Date, for the docx library's comment dates (it writes `toISOString()`). */
export function wordDate(iso: string): Date | null {
  const text = wordTime(iso)
  return text ? new Date(text) : null
}

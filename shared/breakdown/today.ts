/** Bureaus work on Beijing time (UTC+8, no daylight saving): a deadline passes at midnight there. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** The ISO day (2025-06-30) it is in Beijing at `now`. */
export function beijingDay(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** Bureaus work on Beijing time (UTC+8, no daylight saving): a deadline passes at midnight there. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000

/** The ISO day (2025-06-30) it is in Beijing at `now`. */
export function beijingDay(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}

/** A moment as the day it was in Beijing, the way a 台账 writes it: 2025年4月3日. */
export function beijingDateLabel(iso: string): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return ''
  const [year, month, day] = beijingDay(new Date(time)).split('-').map(Number)
  return `${year}年${month}月${day}日`
}

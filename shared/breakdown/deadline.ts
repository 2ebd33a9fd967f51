/** What a 完成时限 says: a day, a month, a quarter, a half-year, the whole year, ongoing, a range, or text we could not read. */
export type DeadlineKind = 'date' | 'month' | 'quarter' | 'half' | 'year' | 'ongoing' | 'range' | 'text'

/** A 完成时限 read from its text; `start`/`end` are ISO days, present when the year is known. */
export interface Deadline {
  kind: DeadlineKind
  /** The text as written (kept whatever the kind). */
  text: string
  /** Year the deadline falls in (of its end for a range). */
  year?: number
  /** First day of the period the deadline names. */
  start?: string
  /** Last day by which the item is due. */
  end?: string
}

/** A point or period inside one part of a range. */
interface Span {
  kind: Exclude<DeadlineKind, 'range' | 'text' | 'ongoing'>
  year?: number
  from: [number, number]
  to: [number, number]
}

const ONGOING = /^(长期|长期坚持|长期推进|持续|持续推进|持续开展|常态化|常态化推进|经常性|日常)$/
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 两: 2, 1: 1, 2: 2, 3: 3, 4: 4 }
/** Words around a deadline that do not change when it falls. */
const FILLER = /(之前|以前|前|底|末|内|止|为止|完成|底前|年底前|期间|中旬|上旬|下旬)$/

/**
 * Reads a 完成时限: 2025年6月底, 6月30日前, 第二季度, 上半年, 全年, 长期, 2025年3月—6月, 2025-06-30 …
 * `year` (the plan's) fills in a year the text leaves out. Text that names no time is kind 'text'.
 */
export function parseDeadline(raw: string, year?: number): Deadline {
  const text = raw.trim()
  const s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/[。．.，,；;]$/, '')
  if (!s) return { kind: 'text', text }
  if (ONGOING.test(s)) return { kind: 'ongoing', text }
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)
  const parts = iso ? [s] : s.split(/至|到|—+|–|－|~|～|-/)
  if (parts.length > 2) return { kind: 'text', text }
  const first = parseSpan(parts[0], year)
  if (!first) return { kind: 'text', text }
  if (parts.length === 1) return finish(first.kind, text, first, first)
  const second = parseSpan(parts[1], first.year ?? year, first.from[0])
  if (!second) return { kind: 'text', text }
  return finish('range', text, first, second)
}

function finish(kind: DeadlineKind, text: string, from: Span, to: Span): Deadline {
  const out: Deadline = { kind, text }
  if (to.year !== undefined) {
    out.year = to.year
    out.end = isoDay(to.year, to.to[0], to.to[1])
  }
  if (from.year !== undefined) out.start = isoDay(from.year, from.from[0], from.from[1])
  return out
}

/**
 * One point or period. `month` is the month of the range's first part, so that 3月—6月 reads 6 as a
 * month and 3月1日至30日 reads 30 as a day of March.
 */
function parseSpan(part: string, defaultYear?: number, month?: number): Span | null {
  let s = part
  let year = defaultYear
  let explicitYear = false
  const y = /^(\d{4})年?/.exec(s)
  if (y && (s.length === 4 || s[4] === '年' || /^\d{4}[-/.]/.test(s))) {
    year = Number(y[1])
    explicitYear = true
    s = s.slice(4).replace(/^年|^[-/.]/, '')
  }
  s = s.replace(/^年/, '')
  for (let i = 0; i < 3; i++) s = s.replace(FILLER, '')
  if (!s) return explicitYear || part.startsWith('年') ? whole('year', year, 1, 12) : null
  if (/^(全年|年度|年内|全年度|本年度|年)$/.test(s)) return whole('year', year, 1, 12)
  const half = /^(上|下)半年$/.exec(s)
  if (half) return half[1] === '上' ? whole('half', year, 1, 6) : whole('half', year, 7, 12)
  const quarter = /^(?:第)?([一二三四1-4])季度$|^Q([1-4])$/i.exec(s)
  if (quarter) {
    const q = CN_DIGITS[quarter[1] ?? quarter[2]]
    return whole('quarter', year, q * 3 - 2, q * 3)
  }
  const date = /^(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/.exec(s)
  if (date) return day(year, Number(date[1]), Number(date[2]))
  const monthOnly = /^(\d{1,2})月(?:份)?$/.exec(s)
  if (monthOnly) return whole('month', year, Number(monthOnly[1]), Number(monthOnly[1]))
  const dayOnly = /^(\d{1,2})日$/.exec(s)
  if (dayOnly && month !== undefined) return day(year, month, Number(dayOnly[1]))
  const bare = /^(\d{1,2})$/.exec(s)
  if (bare && month !== undefined) return whole('month', year, Number(bare[1]), Number(bare[1]))
  return null
}

function whole(kind: Span['kind'], year: number | undefined, fromMonth: number, toMonth: number): Span | null {
  if (fromMonth < 1 || toMonth > 12) return null
  return { kind, ...(year !== undefined ? { year } : {}), from: [fromMonth, 1], to: [toMonth, year !== undefined ? daysIn(year, toMonth) : 31] }
}

function day(year: number | undefined, month: number, d: number): Span | null {
  if (month < 1 || month > 12 || d < 1 || d > (year !== undefined ? daysIn(year, month) : 31)) return null
  return { kind: 'date', ...(year !== undefined ? { year } : {}), from: [month, d], to: [month, d] }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isoDay(year: number, month: number, d: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysIn(year, month))).padStart(2, '0')}`
}

/** Chinese names of the kinds, for tables and the editor. */
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = { date: '日期', month: '月份', quarter: '季度', half: '半年', year: '全年', ongoing: '长期', range: '时间段', text: '未识别' }

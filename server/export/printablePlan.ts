import type { Plan } from '../../shared/plan/types.ts'
import { titleUnits } from './titleUnits.ts'
import { xmlSafe } from './xmlSafe.ts'

/**
 * Longest title (plan or notice) an export prints, in UTF-16 units: four times the default plan
 * limit (shared/plan/limits.ts), 100 lines of 2号 type. Only a plan that bypassed the limits has a
 * longer one; it is cut with an ellipsis rather than set as hundreds of pages of title.
 */
export const PRINTED_TITLE_CHARS = 2_000

/**
 * The plan as an export prints it, whatever it holds: every text made XML-safe (controls XML 1.0
 * forbids dropped, lone surrogates as U+FFFD) and over-long titles cut. The plan is not changed.
 */
export function printablePlan(plan: Plan): Plan {
  const safe = safeStrings(plan)
  safe.title = clipTitle(safe.title)
  if (safe.notice?.title) safe.notice.title = clipTitle(safe.notice.title)
  return safe
}

/** A title cut to PRINTED_TITLE_CHARS with an ellipsis, between printed characters (a joined emoji stays whole). */
export function clipTitle(title: string): string {
  if (title.length <= PRINTED_TITLE_CHARS) return title
  // The unit the cut falls in may be incomplete: it goes, unless it is all there is.
  const units = titleUnits(title.slice(0, PRINTED_TITLE_CHARS))
  if (units.length > 1) units.pop()
  let kept = ''
  for (const u of units) {
    if (kept.length + u.text.length > PRINTED_TITLE_CHARS - 1) break
    kept += u.text
  }
  return `${kept || units[0].text.slice(0, PRINTED_TITLE_CHARS - 2)}…`
}

/** A deep copy of plain data with every string made XML-safe. */
function safeStrings<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T
  if (Array.isArray(value)) return value.map((v: unknown) => safeStrings(v)) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = safeStrings(v)
    return out as T
  }
  return value
}

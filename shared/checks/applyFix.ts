import type { Plan } from '../plan/types.ts'
import type { CheckFix } from './types.ts'

/**
 * A copy of the plan with a fix applied, or null when the text no longer holds what the fix removes
 * (the item was edited or deleted since the check ran): a stale fix is refused, never misapplied.
 */
export function applyFix(plan: Plan, fix: CheckFix): Plan | null {
  const next = structuredClone(plan)
  const edit = (text: string): string | null => (text.slice(fix.index, fix.index + fix.remove.length) === fix.remove ? text.slice(0, fix.index) + fix.insert + text.slice(fix.index + fix.remove.length) : null)
  if (fix.field === 'preamble') {
    const at = fix.paragraph ?? 0
    const paragraph = at < next.preamble.length ? edit(next.preamble[at]) : null
    if (paragraph === null) return null
    next.preamble[at] = paragraph
    return next
  }
  if (fix.field === 'planTitle') {
    const title = edit(next.title)
    if (title === null) return null
    next.title = title
    return next
  }
  for (const section of next.sections) {
    for (const item of [...section.items, ...section.subsections.flatMap((u) => u.items)]) {
      if (item.id !== fix.itemId) continue
      const text = edit(item[fix.field])
      if (text === null) return null
      item[fix.field] = text
      return next
    }
  }
  return null
}

import { planTexts, textPlace, textWhere } from './planTexts.ts'
import { planYear } from './planYear.ts'
import type { Check, Finding } from './types.ts'

// A year on its own (2021年, 2021年度), not one end of a range such as 2021-2023 or 2021—2023年.
const YEAR = /(?<![\d\-—–~至到])((?:19|20)\d{2})(?=\s*年)(?!\s*年?\s*[-—–~至到]\s*\d)/g
// Words that make a past year a legitimate reference: 较2020年, 自2019年以来, 截至2023年底.
const LOOKS_BACK_BEFORE = /(?:较|比|自|从|截至|截止|于|与)$/
const LOOKS_BACK_AFTER = /^年(?:以来|起|底|末|初|前|的基础)/

/**
 * A year earlier than the plan's own, left over from last year's text: a 2025 draft still saying
 * 2021年. The fix replaces it by the plan's year. Comparisons (较2020年) and ranges are left alone.
 */
export const staleYear: Check = {
  kinds: ['stale-year'],
  label: '过时年份',
  run(ctx) {
    const year = planYear(ctx)
    if (year === undefined) return []
    const findings: Finding[] = []
    for (const t of planTexts(ctx)) {
      for (const m of t.text.matchAll(YEAR)) {
        const y = Number(m[1])
        if (y >= year) continue
        if (LOOKS_BACK_BEFORE.test(t.text.slice(Math.max(0, m.index - 2), m.index))) continue
        if (LOOKS_BACK_AFTER.test(t.text.slice(m.index + 4).replace(/^\s+/, ''))) continue
        findings.push({
          kind: 'stale-year',
          ...textPlace(t),
          severity: t.field === 'planTitle' ? 'error' : 'warning',
          message: `${textWhere(t)}提到“${y}年”，本计划是${year}年的：如为沿用旧文，应改为“${year}年”`,
          fix: {
            label: `改为${year}年`,
            ...(t.itemId ? { itemId: t.itemId } : {}),
            field: t.field,
            ...(t.paragraph !== undefined ? { paragraph: t.paragraph } : {}),
            index: m.index,
            remove: m[1],
            insert: String(year),
          },
        })
      }
    }
    return findings
  },
}

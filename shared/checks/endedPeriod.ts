import { planTexts, textPlace, textSpot, textWhere } from './planTexts.ts'
import { planYear } from './planYear.ts'
import type { Check, Finding } from './types.ts'

const RANGE = /((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*(年|学年)?/g
const FIVE_YEAR_PLANS: Record<string, number> = { 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 }
const FIVE_YEAR = /“?(十一五|十二五|十三五|十四五|十五五)”?/g

/**
 * A period that ended before the plan's year: a three-year action plan (2018-2020年), a school year, or
 * a five-year plan (“十三五”) cited in a later plan. Citing an ended plan can be right (evaluating it),
 * so a cited document title is only info; no automatic fix.
 */
export const endedPeriod: Check = {
  kinds: ['ended-period'],
  label: '已结束的期限',
  run(ctx) {
    const year = planYear(ctx)
    if (year === undefined) return []
    const findings: Finding[] = []
    for (const t of planTexts(ctx)) {
      const inTitle = (index: number): boolean => t.text.lastIndexOf('《', index) > t.text.lastIndexOf('》', index)
      const where = textWhere(t)
      const add = (index: number, shown: string, end: number): void => {
        findings.push({
          kind: 'ended-period',
          ...textPlace(t),
          spot: textSpot(t, index, shown),
          severity: inTitle(index) ? 'info' : 'warning',
          message: `${where}提到的“${shown}”已于${end}年结束，本计划是${year}年的：请确认是否仍应引用`,
        })
      }
      for (const m of t.text.matchAll(RANGE)) {
        const end = Number(m[2])
        const start = Number(m[1])
        if (end > start && end < year) add(m.index, m[0], end)
      }
      for (const m of t.text.matchAll(FIVE_YEAR)) {
        const end = FIVE_YEAR_PLANS[m[1]]
        // The words are the plan's name, not its quotation marks.
        if (end < year) add(m.index + m[0].indexOf(m[1]), m[1], end)
      }
    }
    return findings
  },
}

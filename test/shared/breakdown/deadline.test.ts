import { describe, expect, it } from 'vitest'
import { parseDeadline } from '../../../shared/breakdown/deadline.ts'

describe('parseDeadline reads the 完成时限 plans write', () => {
  const cases: Array<[string, number | undefined, string, string | undefined, string | undefined]> = [
    ['2025年6月底', undefined, 'month', '2025-06-01', '2025-06-30'],
    ['2025年6月底前', undefined, 'month', '2025-06-01', '2025-06-30'],
    ['6月30日前', 2025, 'date', '2025-06-30', '2025-06-30'],
    ['2025年12月31日前完成', undefined, 'date', '2025-12-31', '2025-12-31'],
    ['2025-06-30', undefined, 'date', '2025-06-30', '2025-06-30'],
    ['第二季度', 2025, 'quarter', '2025-04-01', '2025-06-30'],
    ['2025年第四季度末', undefined, 'quarter', '2025-10-01', '2025-12-31'],
    ['一季度', 2026, 'quarter', '2026-01-01', '2026-03-31'],
    ['上半年', 2025, 'half', '2025-01-01', '2025-06-30'],
    ['2025年下半年', undefined, 'half', '2025-07-01', '2025-12-31'],
    ['全年', 2025, 'year', '2025-01-01', '2025-12-31'],
    ['年底前', 2025, 'year', '2025-01-01', '2025-12-31'],
    ['2025年底', undefined, 'year', '2025-01-01', '2025-12-31'],
    ['2025年3月—6月', undefined, 'range', '2025-03-01', '2025-06-30'],
    ['3月至6月', 2025, 'range', '2025-03-01', '2025-06-30'],
    ['2025年3月1日至6月15日', undefined, 'range', '2025-03-01', '2025-06-15'],
    ['2024年9月—2025年7月', undefined, 'range', '2024-09-01', '2025-07-31'],
    ['２０２５年２月底', undefined, 'month', '2025-02-01', '2025-02-28'],
  ]
  for (const [text, year, kind, start, end] of cases) {
    it(`reads “${text}”${year ? ` in a ${year} plan` : ''} as a ${kind} ending ${end}`, () => {
      const d = parseDeadline(text, year)
      expect(d).toMatchObject({ kind, text, start, end })
    })
  }

  it('reads 长期 and 常态化推进 as ongoing, with no end', () => {
    expect(parseDeadline('长期')).toEqual({ kind: 'ongoing', text: '长期' })
    expect(parseDeadline('常态化推进', 2025).kind).toBe('ongoing')
  })

  it('keeps the month and day when the year is unknown, without inventing one', () => {
    const d = parseDeadline('6月底')
    expect(d.kind).toBe('month')
    expect(d.year).toBeUndefined()
    expect(d.end).toBeUndefined()
  })

  it('keeps text that names no time as free text', () => {
    for (const text of ['按上级要求', '视情况而定', '13月', '2月30日', '第五季度', '']) expect(parseDeadline(text, 2025).kind, text).toBe('text')
    expect(parseDeadline(' 按上级要求 ').text).toBe('按上级要求')
  })

  it('gives an explicit year precedence over the plan year', () => {
    expect(parseDeadline('2026年6月', 2025)).toMatchObject({ year: 2026, end: '2026-06-30' })
  })
})

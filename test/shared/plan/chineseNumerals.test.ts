import { describe, expect, it } from 'vitest'
import { fromChineseNumeral, toChineseNumeral } from '../../../shared/plan/chineseNumerals.ts'
import { sectionLabel, subsectionLabel } from '../../../shared/plan/numbering.ts'

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** How a number below 100 is written, built from the rule itself: 十 alone for 10–19, 几十几 above. */
function expectedBelow100(n: number): string {
  const tens = Math.floor(n / 10)
  const ones = n % 10
  if (tens === 0) return DIGITS[ones]
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + DIGITS[ones]
}

describe('Chinese numerals for section numbers', () => {
  it('writes every number from 一 to 九十九 correctly', () => {
    for (let n = 1; n <= 99; n++) expect(toChineseNumeral(n)).toBe(expectedBelow100(n))
  })

  it('writes the numbers people get wrong', () => {
    expect([10, 11, 19, 20, 21, 99].map(toChineseNumeral)).toEqual(['十', '十一', '十九', '二十', '二十一', '九十九'])
    expect([100, 101, 105, 110, 111, 1000, 1001, 1010, 2024].map(toChineseNumeral)).toEqual(['一百', '一百零一', '一百零五', '一百一十', '一百一十一', '一千', '一千零一', '一千零一十', '二千零二十四'])
  })

  it('reads back every number it writes, up to 9999', () => {
    for (let n = 1; n < 10000; n++) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n)
  })

  it('reads 两 and digit strings with 〇, and refuses what is not a numeral', () => {
    expect(fromChineseNumeral('两百')).toBe(200)
    expect(fromChineseNumeral('一〇五')).toBe(105)
    expect(fromChineseNumeral('二〇二一')).toBe(2021)
    expect(fromChineseNumeral('甲')).toBeNaN()
    expect(fromChineseNumeral('')).toBeNaN()
  })

  it('refuses numbers it cannot write', () => {
    for (const n of [0, -1, 1.5, 10000]) expect(() => toChineseNumeral(n)).toThrow(RangeError)
  })

  it('labels sections 一、 and sub-sections （一） up to 九十九', () => {
    expect(sectionLabel(1)).toBe('一、')
    expect(sectionLabel(99)).toBe('九十九、')
    expect(subsectionLabel(12)).toBe('（十二）')
  })
})

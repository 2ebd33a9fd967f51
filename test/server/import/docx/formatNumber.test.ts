import { describe, expect, it } from 'vitest'
import { formatNumber } from '../../../../server/import/docx/formatNumber.ts'

describe('formatNumber (w:numFmt)', () => {
  it('writes decimal and Chinese counting numbers as Word shows them', () => {
    expect([1, 9, 10, 11, 20, 99].map((n) => formatNumber(n, 'decimal'))).toEqual(['1', '9', '10', '11', '20', '99'])
    expect([1, 9, 10, 11, 20, 21, 99].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九'])
    expect([100, 105, 1000].map((n) => formatNumber(n, 'chineseCountingThousand'))).toEqual(['一百', '一百零五', '一千'])
  })

  it('writes the celestial stems and earthly branches, cycling after the last', () => {
    expect(Array.from({ length: 11 }, (_, i) => formatNumber(i + 1, 'ideographTraditional')).join('')).toBe('甲乙丙丁戊己庚辛壬癸甲')
    expect(Array.from({ length: 12 }, (_, i) => formatNumber(i + 1, 'ideographZodiac')).join('')).toBe('子丑寅卯辰巳午未申酉戌亥')
  })

  it('writes legal (financial) numerals, digit strings and enclosed numbers', () => {
    expect([1, 10, 12, 20].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['壹', '壹拾', '壹拾贰', '贰拾'])
    expect(formatNumber(2021, 'ideographDigital')).toBe('二〇二一')
    expect([1, 20].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳'])
    expect(formatNumber(3, 'decimalEnclosedParen')).toBe('⑶')
    expect(formatNumber(3, 'decimalEnclosedFullstop')).toBe('⒊')
  })

  it('writes letters, roman numerals and zero-padded numbers', () => {
    expect([1, 26, 27].map((n) => formatNumber(n, 'upperLetter'))).toEqual(['A', 'Z', 'AA'])
    expect(formatNumber(2, 'lowerLetter')).toBe('b')
    expect([4, 9, 14, 2024].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'MMXXIV'])
    expect(formatNumber(4, 'lowerRoman')).toBe('iv')
    expect([7, 12].map((n) => formatNumber(n, 'decimalZero'))).toEqual(['07', '12'])
  })

  it('gives bullets no number, none an empty number, and falls back to decimal for formats it does not know', () => {
    expect(formatNumber(1, 'bullet')).toBeUndefined()
    expect(formatNumber(1, 'none')).toBe('')
    expect(formatNumber(3, 'hebrew1')).toBe('3')
    expect(formatNumber(3, 'decimalFullWidth')).toBe('3')
  })
})

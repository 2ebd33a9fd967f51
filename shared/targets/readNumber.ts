import { fromChineseNumeral } from '../plan/chineseNumerals.ts'

/** Digits written in Chinese, as a regex source; 两 and 〇 included. */
export const CHINESE_DIGITS = '零〇一二两三四五六七八九十百千'

/** A number as printed (Arabic with optional decimals, or Chinese numerals), as a regex source. */
export const NUMBER_SOURCE = `(?:\\d+(?:\\.\\d+)?|[${CHINESE_DIGITS}]+)`

/** The value of a number as printed: 3000 → 3000, 2.5 → 2.5, 十二 → 12, 两 → 2; NaN when it is not one. */
export function readNumber(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text)
  return fromChineseNumeral(text)
}

/** Replaces full-width digits, ％ and － with ASCII ones, keeping every offset (each is one code unit both ways). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９％－～]/g, (c) => {
    if (c === '％') return '%'
    if (c === '－') return '-'
    if (c === '～') return '~'
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0)
  })
}

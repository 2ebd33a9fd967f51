const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const UNITS = ['', '十', '百', '千']

/** Writes a positive integer below 10000 in Chinese numerals as used for headings: 11 → 十一, 20 → 二十, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) throw new RangeError(`cannot write ${n} in Chinese numerals`)
  const digits = String(n).split('').map(Number)
  let out = ''
  let pendingZero = false
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]
    if (d === 0) {
      pendingZero = out !== ''
      return
    }
    if (pendingZero) out += '零'
    pendingZero = false
    // 十一 rather than 一十一: the leading 一 is dropped only when 十 opens the number.
    const skipOne = d === 1 && unit === '十' && out === ''
    out += (skipOne ? '' : DIGITS[d]) + unit
  })
  return out
}

/** Reads Chinese numerals (一 … 九千九百九十九, also 两, and digit strings such as 二〇二一) back into a number; NaN when it is not one. */
export function fromChineseNumeral(text: string): number {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return NaN
  // Without 十百千 the characters are digits in place: 二〇二一 → 2021, 一〇五 → 105.
  if (text.length > 1 && !/[十百千]/.test(text)) return Number(Array.from(text, (ch) => (ch === '两' ? 2 : ch === '〇' ? 0 : DIGITS.indexOf(ch))).join(''))
  let total = 0
  let digit = -1
  for (const ch of text) {
    const d = ch === '两' ? 2 : ch === '〇' ? 0 : DIGITS.indexOf(ch)
    if (d >= 0) {
      digit = d
      continue
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000
    total += (digit < 0 ? 1 : digit) * unit
    digit = -1
  }
  return digit > 0 ? total + digit : total
}

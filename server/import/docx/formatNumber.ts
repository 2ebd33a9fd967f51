import { toChineseNumeral } from '../../../shared/plan/chineseNumerals.ts'

const CELESTIAL_STEMS = '甲乙丙丁戊己庚辛壬癸'
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥'
const DIGIT_CHARS = '〇一二三四五六七八九'
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

/**
 * The text Word shows for counter value n in a level's w:numFmt, or undefined for bullets (they
 * carry no number). Full-width digits come out as ASCII digits because the importer reads the
 * value, and the text importer's markers are ASCII; unknown formats fall back to decimal, as Word does.
 */
export function formatNumber(n: number, numFmt = 'decimal'): string | undefined {
  switch (numFmt) {
    case 'bullet':
      return undefined
    case 'none':
      return ''
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseCountingTenThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n > 0 && n < 10000 ? toChineseNumeral(n) : String(n)
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return n > 0 && n < 10000 ? legal(n) : String(n)
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n)
        .split('')
        .map((d) => DIGIT_CHARS[Number(d)])
        .join('')
    case 'ideographTraditional':
      return CELESTIAL_STEMS[cycle(n, 10)]
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[cycle(n, 12)]
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n)
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerLetter':
      return letters(n)
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    default:
      return String(n)
  }
}

/** Position of n in a repeating cycle of the given length (甲 … 癸 甲 …). */
function cycle(n: number, length: number): number {
  return (((n - 1) % length) + length) % length
}

/** 壹贰叁 numerals with 拾佰仟, written like toChineseNumeral but keeping 壹拾 (legal style never drops the one). */
function legal(n: number): string {
  const plain = toChineseNumeral(n)
  const withOne = /^十/.test(plain) ? `一${plain}` : plain
  return Array.from(withOne, (c) => {
    const d = DIGIT_CHARS.indexOf(c === '零' ? '〇' : c)
    if (d >= 0) return LEGAL_DIGITS[d]
    return c === '十' ? '拾' : c === '百' ? '佰' : c === '千' ? '仟' : c
  }).join('')
}

/** a, b, … z, aa, bb, … as Word counts letters (the letter repeats, it does not carry). */
function letters(n: number): string {
  if (n <= 0) return String(n)
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n)
  let out = ''
  let rest = n
  for (const [value, sym] of ROMAN) {
    while (rest >= value) {
      out += sym
      rest -= value
    }
  }
  return out
}

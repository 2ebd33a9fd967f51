import { actionBefore, cleanBefore, namesMeasure, nounAfter } from './targetSubject.ts'
import { asciiDigits, CHINESE_DIGITS, NUMBER_SOURCE, readNumber } from './readNumber.ts'
import { quotedPhrases, quoteMask } from './quoteMask.ts'
import type { Comparator, Target } from './types.ts'
import { NOT_A_UNIT, RATIO_UNITS, TARGET_UNITS } from './units.ts'

const UNIT_SOURCE = TARGET_UNITS.join('|')

/** 百分之六十, or a number, an optional range, 余/多, 万/亿 and a unit: 50%, 1-2门, 300余所, 3000万元. */
const FIGURE = new RegExp(`百分之(${NUMBER_SOURCE})|(${NUMBER_SOURCE})(%?)(?:\\s*[-—–~至到]\\s*(${NUMBER_SOURCE}))?([余多])?([万亿])?(${UNIT_SOURCE})?`, 'g')

/** A figure right at the start of a string, used to share one noun between 22大项42个青少年体育赛事. */
const LEADING_FIGURE = new RegExp(`^${NUMBER_SOURCE}[余多]?[万亿]?(?:${UNIT_SOURCE})`)

/** Comparator words just before a figure, longest first within each group. */
const PREFIXES: [RegExp, Comparator][] = [
  [/(?:不少于|不低于|不小于|至少|超过|多于|高于|达到|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|达)$/, 'min'],
  [/(?:不超过|不高于|不多于|不大于|低于|少于|降至|降到|降低到|降低至|下降到|下降至|减少到|减少至|减至|压减至|压减到|压缩到|压缩至|控制在)$/, 'max'],
  [/(?:大约|约为|约|将近|接近|近)$/, 'approx'],
  [/(?:保持在|稳定在|为|至|到)$/, 'eq'],
]

/** Comparator words just after a figure. */
const SUFFIXES: [RegExp, Comparator][] = [
  [/^(?:及以上|或以上|以上)/, 'min'],
  [/^(?:及以下|或以下|以下|以内)/, 'max'],
  [/^(?:左右|上下)/, 'approx'],
]

/** Characters that make a number part of an ordinal, a name or a bigger number: 第四届, 每一所, 同一所, 统一. */
const BLOCKED_BEFORE = new RegExp(`[\\d.%A-Za-z第每同统唯单逐之${CHINESE_DIGITS}]$`)

/** A string that opens with a digit or a Chinese numeral. */
const NUMBER_START = new RegExp(`^[\\d${CHINESE_DIGITS}]`)

/** How far around a figure its words are read; subjects are short, and a bound keeps long texts linear. */
const WINDOW = 80

/** Where a clause begins: the subject of a figure never reaches across these. */
const CLAUSE_BREAK = /[，。；：！？\n]/

/**
 * Every quantitative target in a text, in order: “确保50%以上幼儿园开设托班” → {subject 幼儿园开设托班,
 * value 50, unit %, comparator min}. Figures inside quotes and titles (“5+2”模式, 《三年行动计划》),
 * years, dates, ages and ordinals are not targets. Works on any string; never throws.
 */
export function extractTargets(text: string): Target[] {
  const plain = asciiDigits(text)
  const quoted = quoteMask(plain)
  // Only quoted names that open with a number can hide a figure (“五项管理”).
  const names = quotedPhrases(plain).filter((n) => NUMBER_START.test(n))
  const targets: Target[] = []
  let clauseFloor = 0
  FIGURE.lastIndex = 0
  for (let m = FIGURE.exec(plain); m; m = FIGURE.exec(plain)) {
    const target = names.some((n) => plain.startsWith(n, m.index)) ? undefined : readFigure(text, plain, m, quoted, clauseFloor)
    if (!target) continue
    targets.push(target)
    clauseFloor = target.index + target.text.length
  }
  return targets
}

function readFigure(text: string, plain: string, m: RegExpExecArray, quoted: Uint8Array, clauseFloor: number): Target | undefined {
  const start = m.index
  if (quoted[start]) return undefined
  if (BLOCKED_BEFORE.test(plain.slice(Math.max(0, start - 1), start))) return undefined
  const percentWords = m[1] !== undefined
  const first = percentWords ? m[1] : m[2]
  const unit = percentWords ? '%' : unitOf(m)
  if (!unit) return undefined
  const end = start + m[0].length
  if (NOT_A_UNIT.test(plain.slice(end - unit.length, end + 2))) return undefined
  const value = readNumber(first)
  const upper = m[4] !== undefined ? readNumber(m[4]) : undefined
  if (!Number.isFinite(value) || (upper !== undefined && !Number.isFinite(upper))) return undefined

  const clauseStart = Math.max(clauseFloor, lastBreak(plain, start))
  const before = plain.slice(clauseStart, start)
  const prefix = longestHit(PREFIXES, before)
  const after = plain.slice(end, end + WINDOW)
  const suffix = longestHit(SUFFIXES, after)
  const comparator: Comparator = upper !== undefined ? 'range' : suffix ? suffix.c : prefix ? prefix.c : m[5] ? 'min' : 'eq'
  const spanStart = prefix?.hit ? start - prefix.hit[0].length : start
  const spanEnd = end + (suffix?.hit ? suffix.hit[0].length : 0)
  const words = cleanBefore(plain.slice(clauseStart, spanStart))
  const noun = nounAfter(plain.slice(spanEnd, spanEnd + WINDOW), LEADING_FIGURE)
  const target: Target = {
    text: text.slice(spanStart, spanEnd),
    index: spanStart,
    subject: subjectOf(unit, words, noun),
    value,
    unit,
    comparator,
    aspirational: /力争|争取|努力/.test(plain.slice(lastBreak(plain, start), start)),
  }
  if (upper !== undefined) target.upper = upper
  const action = actionBefore(words)
  if (!RATIO_UNITS.has(unit) && action && noun) target.action = action
  return target
}

/** The comparator word that matches most characters (不超过 rather than 超过). */
function longestHit(words: [RegExp, Comparator][], text: string): { hit: RegExpExecArray; c: Comparator } | undefined {
  let best: { hit: RegExpExecArray; c: Comparator } | undefined
  for (const [re, c] of words) {
    const hit = re.exec(text)
    if (hit && (!best || hit[0].length > best.hit[0].length)) best = { hit, c }
  }
  return best
}

/** The unit of a figure match: %, or 万/亿 plus the unit word (3000万元 → 万元). */
function unitOf(m: RegExpExecArray): string {
  const [, , , percent, , , multiplier = '', unitWord = ''] = m
  if (percent && (!unitWord || unitWord === '%')) return multiplier ? '' : '%'
  if (percent) return ''
  if (!unitWord) return ''
  if (unitWord === '%') return multiplier ? '' : '%'
  return multiplier + unitWord
}

/** A proportion is named before its figure (覆盖率达到60%); a count by the noun after it (新开办7所中小幼学校). */
function subjectOf(unit: string, words: string, noun: string): string {
  if (RATIO_UNITS.has(unit)) {
    if (!words) return noun
    if (namesMeasure(words) || !noun) return words
    return words + noun
  }
  return noun || words
}

/** Start of the clause that holds offset `before`, looking back at most WINDOW characters. */
function lastBreak(text: string, before: number): number {
  const floor = Math.max(0, before - WINDOW)
  for (let i = before - 1; i >= floor; i--) if (CLAUSE_BREAK.test(text[i])) return i + 1
  return floor
}

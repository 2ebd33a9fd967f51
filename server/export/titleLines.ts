import { SIZE } from './fonts.ts'
import { TEXT_WIDTH } from './pageSetup.ts'
import { textWidth } from './textWidth.ts'

/** Characters of a 2号 title that fit on one line of the 156-mm text block: 442 pt / 22 pt = 20. */
export const TITLE_LINE_EMS = Math.floor(TEXT_WIDTH / (SIZE.hao2 * 10))

// Where a line may not start (closing marks) and may not end (opening marks): the usual 避头尾 rules.
const NO_LINE_START = /^[、，。：；！？）》」』”’…—%·〕】]/
const NO_LINE_END = /[（《「『“‘〔【]$/
const ALNUM = /[A-Za-z0-9]/

// Natural places to break a title, best first: before the document kind, after 关于印发 / the issuer.
const BEFORE_KIND = /(?=(?:工作要点|工作计划|工作安排|工作方案|实施方案|实施意见|行动计划|行动方案|管理办法|的通知|的意见|的决定|的报告|的函))/g
const AFTER_LEAD = /(?:^关于印发|^关于转发|^关于|(?:教育局|教育委员会|委员会|人民政府|办公厅|办公室|教育厅|教委))(?=.)/g
const AFTER_MINOR = /(?:\d{4}(?:—\d{4})?年(?:度|上半年|下半年)?|[、，：；》]|的)(?=.)/g
const BEFORE_MINOR = /(?=《|和|及|以及|与)/g

interface Break {
  /** Index into the title's code points where the next line starts. */
  at: number
  penalty: number
}

/**
 * Splits a 2号 title into centred lines shaped as a trapezoid or diamond. Short titles stay on one
 * line; long ones break at natural points (before 工作要点, after 关于印发 or the issuer, after a
 * year or a comma), then between words, and never inside a number, a word or before a closing mark.
 */
export function titleLines(title: string, maxEms = TITLE_LINE_EMS): string[] {
  const text = title.trim()
  if (textWidth(text) <= maxEms) return text ? [text] : []
  const chars = Array.from(text)
  const breaks = breakPoints(text, chars)
  const minLines = Math.ceil(textWidth(text) / maxEms)
  if (minLines > 4) return greedyLines(chars, breaks, maxEms)
  let best: { lines: string[]; score: number } | undefined
  for (let n = minLines; n <= minLines + 1; n++) {
    const found = bestSplit(chars, breaks, n, maxEms)
    if (found && (!best || found.score + (n - minLines) * 6 < best.score)) best = { lines: found.lines, score: found.score + (n - minLines) * 6 }
  }
  return best?.lines ?? greedyLines(chars, breaks, maxEms)
}

/** Every allowed break with its penalty: 0 natural, 1 minor, 2 between words, 6 doubtful, 8 inside a word. */
function breakPoints(text: string, chars: string[]): Break[] {
  const penalty = new Map<number, number>()
  const offsets = codePointOffsets(chars)
  const mark = (re: RegExp, value: number, after: boolean): void => {
    for (const m of text.matchAll(re)) {
      const unit = after ? (m.index ?? 0) + m[0].length : (m.index ?? 0)
      const at = offsets.get(unit)
      if (at !== undefined) penalty.set(at, Math.min(penalty.get(at) ?? 99, value))
    }
  }
  mark(BEFORE_KIND, 0, false)
  mark(AFTER_LEAD, 0, true)
  mark(AFTER_MINOR, 1, true)
  mark(BEFORE_MINOR, 1, false)
  // The word segmenter splits policy terms poorly (中|小学校|园), so only a boundary between two words of two or more characters is trusted.
  const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)]
  segments.forEach((seg, i) => {
    const at = offsets.get(seg.index)
    if (i === 0 || at === undefined || penalty.has(at)) return
    const trusted = Array.from(segments[i - 1].segment).length > 1 && Array.from(seg.segment).length > 1
    penalty.set(at, trusted ? 2 : 6)
  })
  const breaks: Break[] = []
  for (let at = 1; at < chars.length; at++) {
    if (!allowed(chars, at)) continue
    breaks.push({ at, penalty: penalty.get(at) ?? 8 })
  }
  return breaks
}

function allowed(chars: string[], at: number): boolean {
  const before = chars[at - 1]
  const after = chars[at]
  if (ALNUM.test(before) && ALNUM.test(after)) return false
  return !NO_LINE_START.test(after) && !NO_LINE_END.test(before)
}

/** Maps UTF-16 offsets to code-point indexes (regex and Segmenter report the former). */
function codePointOffsets(chars: string[]): Map<number, number> {
  const map = new Map<number, number>()
  let unit = 0
  chars.forEach((ch, i) => {
    map.set(unit, i)
    unit += ch.length
  })
  map.set(unit, chars.length)
  return map
}

/** The best split into exactly n lines, trying every combination of breaks (n ≤ 5, so at most four breaks). */
function bestSplit(chars: string[], breaks: Break[], n: number, maxEms: number): { lines: string[]; score: number } | undefined {
  const prefix = [0]
  for (const ch of chars) prefix.push(prefix[prefix.length - 1] + textWidth(ch))
  const width = (from: number, to: number): number => prefix[to] - prefix[from]
  let best: { picked: Break[]; score: number } | undefined
  const choose = (from: number, start: number, picked: Break[]): void => {
    if (picked.length === n - 1) {
      if (width(start, chars.length) > maxEms) return
      const cuts = [0, ...picked.map((b) => b.at), chars.length]
      const widths = cuts.slice(1).map((end, i) => width(cuts[i], end))
      const score = picked.reduce((s, b) => s + b.penalty * 4, 0) + shapePenalty(widths)
      if (!best || score < best.score) best = { picked, score }
      return
    }
    for (let k = from; k < breaks.length; k++) {
      // A line already too wide cannot be fixed by later breaks.
      if (width(start, breaks[k].at) > maxEms) break
      choose(k + 1, breaks[k].at, [...picked, breaks[k]])
    }
  }
  choose(0, 0, [])
  return best && { lines: cut(chars, best.picked), score: best.score }
}

/**
 * How far the lines are from a trapezoid or diamond: the spread of their widths, plus a heavy cost
 * for an hourglass (a line narrower than both neighbours) and for a stub line of one or two characters.
 */
function shapePenalty(widths: number[]): number {
  let penalty = Math.max(...widths) - Math.min(...widths)
  for (let i = 1; i < widths.length - 1; i++) if (widths[i] < widths[i - 1] && widths[i] < widths[i + 1]) penalty += 20
  if (Math.min(...widths) < 3) penalty += 10
  return penalty
}

/** For very long titles: fill each line, breaking at the cheapest allowed point near its end. */
function greedyLines(chars: string[], breaks: Break[], maxEms: number): string[] {
  const picked: Break[] = []
  let start = 0
  while (textWidth(chars.slice(start).join('')) > maxEms) {
    const fits = breaks.filter((b) => b.at > start && textWidth(chars.slice(start, b.at).join('')) <= maxEms)
    if (!fits.length) break
    const reach = fits[fits.length - 1].at
    // Prefer a natural break in the last quarter of the line over a break in the middle of a word.
    const near = fits.filter((b) => textWidth(chars.slice(b.at, reach).join('')) <= maxEms / 4)
    const choice = near.reduce((a, b) => (b.penalty < a.penalty || (b.penalty === a.penalty && b.at > a.at) ? b : a))
    picked.push(choice)
    start = choice.at
  }
  return cut(chars, picked)
}

function cut(chars: string[], picked: Break[]): string[] {
  const lines: string[] = []
  let start = 0
  for (const b of [...picked, { at: chars.length, penalty: 0 }]) {
    lines.push(chars.slice(start, b.at).join(''))
    start = b.at
  }
  return lines
}

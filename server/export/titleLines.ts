import { SIZE } from './fonts.ts'
import { TEXT_WIDTH } from './pageSetup.ts'
import { clipTitle } from './printablePlan.ts'
import { titleUnits, type TitleUnit } from './titleUnits.ts'

/** Characters of a 2号 title that fit on one line of the 156-mm text block: 442 pt / 22 pt = 20. */
export const TITLE_LINE_EMS = Math.floor(TEXT_WIDTH / (SIZE.hao2 * 10))

// Where a line may not start (closing marks) and may not end (opening marks): the usual 避头尾 rules.
const NO_LINE_START = /^[、，。：；！？）》」』”’…—%·〕】]/
const NO_LINE_END = /[（《「『“‘〔【]$/
const ALNUM = /^[A-Za-z0-9]$/

// Natural places to break a title, best first: before the document kind, after 关于印发 / the issuer.
const BEFORE_KIND = /(?=(?:工作要点|工作计划|工作安排|工作方案|实施方案|实施意见|行动计划|行动方案|管理办法|的通知|的意见|的决定|的报告|的函))/g
const AFTER_LEAD = /(?:^关于印发|^关于转发|^关于|(?:教育局|教育委员会|委员会|人民政府|办公厅|办公室|教育厅|教委))(?=.)/g
const AFTER_MINOR = /(?:\d{4}(?:—\d{4})?年(?:度|上半年|下半年)?|[、，：；》]|的)(?=.)/g
const BEFORE_MINOR = /(?=《|和|及|以及|与)/g

/**
 * Titles up to this many printed characters are shaped by weighing every split into lines and
 * segmented into words; longer ones (no real title is) are filled line by line. Both are linear in
 * the title's length beyond it, whatever its characters.
 */
const SHAPED_UNITS = 120

/** Steps bestSplit takes at most (partial splits tried): a bound on its work, counted, so the result never depends on the machine. */
const SPLIT_BUDGET = 50_000

/** Penalty of a unit boundary where no rule says anything: inside a word. */
const IN_WORD = 8

/** Width kept free on every title line, in ems (see titleLines). */
const TITLE_SLACK_EMS = 1

/** The width a title line is filled to: TITLE_LINE_EMS less the slack. */
export const TITLE_FILL_EMS = TITLE_LINE_EMS - TITLE_SLACK_EMS

/** Marks a boundary where a line may not break at all. */
const FORBIDDEN = -1

/**
 * Splits a 2号 title into centred lines shaped as a trapezoid or diamond. Short titles stay on one
 * line; long ones break at natural points (before 工作要点, after 关于印发 or the issuer, after a
 * year or a comma), then between words, and never inside a number, a word or before a closing mark.
 * Any input is shaped in bounded time: runs of spaces count once, a title past PRINTED_TITLE_CHARS
 * is cut with an ellipsis, combining marks and joiners stay with their character, and a line with
 * no allowed break is cut where it is full.
 */
export function titleLines(title: string, lineEms = TITLE_LINE_EMS): string[] {
  // One em of slack: digits and Latin letters are counted as half an em, but 小标宋 and its stand-ins
  // set some wider, and a title measured at exactly a full line printed its last character alone
  // (…的通 / 知). A title that only just fills the line is better shaped over two.
  const maxEms = lineEms - TITLE_SLACK_EMS
  const text = clipTitle(title.replace(/\s+/gu, (run) => run[0]).trim())
  const units = titleUnits(text)
  const prefix = prefixWidths(units)
  const total = prefix[units.length]
  if (total <= maxEms) return text ? [text] : []
  const penalties = breakPenalties(text, units)
  const minLines = Math.ceil(total / maxEms)
  if (units.length <= SHAPED_UNITS && minLines <= 4) {
    let best: { cuts: number[]; score: number } | undefined
    for (let n = minLines; n <= minLines + 1; n++) {
      const found = bestSplit(prefix, penalties, n, maxEms)
      const score = found && found.score + (n - minLines) * 6
      if (found && score !== undefined && (!best || score < best.score)) best = { cuts: found.cuts, score }
    }
    if (best) return cut(units, best.cuts)
  }
  return cut(units, greedyCuts(prefix, penalties, maxEms))
}

function prefixWidths(units: TitleUnit[]): number[] {
  const prefix = [0]
  for (const u of units) prefix.push(prefix[prefix.length - 1] + u.width)
  return prefix
}

/**
 * The penalty of breaking before each unit (index 1 … length-1): 0 natural, 1 minor, 2 between
 * words, 6 doubtful, 8 inside a word, FORBIDDEN where the 避头尾 rules or a number forbid it.
 */
function breakPenalties(text: string, units: TitleUnit[]): number[] {
  const penalties = new Array<number>(units.length + 1).fill(IN_WORD)
  const at = unitOffsets(units)
  const mark = (re: RegExp, value: number, after: boolean): void => {
    for (const m of text.matchAll(re)) {
      const k = at.get(after ? (m.index ?? 0) + m[0].length : (m.index ?? 0))
      if (k !== undefined) penalties[k] = Math.min(penalties[k], value)
    }
  }
  mark(BEFORE_KIND, 0, false)
  mark(AFTER_LEAD, 0, true)
  mark(AFTER_MINOR, 1, true)
  mark(BEFORE_MINOR, 1, false)
  // The word segmenter is slow on long text and splits policy terms poorly (中|小学校|园): it runs
  // on titles of real length only, and only a boundary between two words of two or more characters is trusted.
  if (units.length <= SHAPED_UNITS) {
    const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)]
    segments.forEach((seg, i) => {
      const k = at.get(seg.index)
      if (i === 0 || k === undefined || penalties[k] < IN_WORD) return
      const trusted = Array.from(segments[i - 1].segment).length > 1 && Array.from(seg.segment).length > 1
      penalties[k] = trusted ? 2 : 6
    })
  }
  for (let k = 1; k < units.length; k++) if (!allowed(units[k - 1].base, units[k].base)) penalties[k] = FORBIDDEN
  return penalties
}

function allowed(before: string, after: string): boolean {
  if (ALNUM.test(before) && ALNUM.test(after)) return false
  return !NO_LINE_START.test(after) && !NO_LINE_END.test(before)
}

/**
 * For each UTF-16 offset (regex and Segmenter report those), the first unit that starts there or
 * after it: a match ending inside a unit (教育局 before a bidi control that belongs to 局) breaks after that unit.
 */
function unitOffsets(units: TitleUnit[]): { get(offset: number): number | undefined } {
  const starts: number[] = []
  let offset = 0
  for (const u of units) {
    starts.push(offset)
    offset += u.text.length
  }
  const map = new Int32Array(offset + 1)
  let k = units.length
  for (let at = offset; at >= 0; at--) {
    while (k > 0 && starts[k - 1] >= at) k--
    map[at] = k
  }
  return { get: (at) => (at >= 0 && at <= offset ? map[at] : undefined) }
}

/**
 * The best split into exactly n lines (n ≤ 5), weighing combinations of allowed breaks; it stops
 * after SPLIT_BUDGET steps (a title of real length takes a few thousand) with the best so far.
 */
function bestSplit(prefix: number[], penalties: number[], n: number, maxEms: number): { cuts: number[]; score: number } | undefined {
  const length = prefix.length - 1
  const width = (from: number, to: number): number => prefix[to] - prefix[from]
  const breaks: number[] = []
  for (let k = 1; k < length; k++) if (penalties[k] !== FORBIDDEN) breaks.push(k)
  let best: { cuts: number[]; score: number } | undefined
  let budget = SPLIT_BUDGET
  const picked: number[] = []
  const widths: number[] = []
  const choose = (from: number, start: number, cost: number): void => {
    budget--
    // Every part of the score only grows as lines are added: a partial split that already costs as
    // much as the best complete one cannot beat it (branch and bound; the result is the exhaustive one).
    if (best && cost + shapePenalty(widths) >= best.score) return
    if (picked.length === n - 1) {
      if (width(start, length) > maxEms) return
      const score = cost + shapePenalty([...widths, width(start, length)])
      if (!best || score < best.score) best = { cuts: [...picked], score }
      return
    }
    for (let i = from; i < breaks.length && budget > 0; i++) {
      // A line already too wide cannot be fixed by later breaks.
      if (width(start, breaks[i]) > maxEms) break
      picked.push(breaks[i])
      widths.push(width(start, breaks[i]))
      choose(i + 1, breaks[i], cost + penalties[breaks[i]] * 4)
      picked.pop()
      widths.pop()
    }
  }
  choose(0, 0, 0)
  return best
}

/**
 * How far the lines are from a trapezoid or diamond: the spread of their widths, plus a heavy cost
 * for an hourglass (a line narrower than both neighbours) and for a stub line of one or two characters.
 */
function shapePenalty(widths: number[]): number {
  if (!widths.length) return 0
  let penalty = Math.max(...widths) - Math.min(...widths)
  for (let i = 1; i < widths.length - 1; i++) if (widths[i] < widths[i - 1] && widths[i] < widths[i + 1]) penalty += 20
  if (Math.min(...widths) < 3) penalty += 10
  return penalty
}

/**
 * For very long titles: fill each line, breaking at the cheapest allowed point in the last quarter
 * of what fits (the latest among equals); a line with no allowed break at all is cut where it is
 * full. Each unit is looked at a bounded number of times, so the whole is linear.
 */
function greedyCuts(prefix: number[], penalties: number[], maxEms: number): number[] {
  const length = prefix.length - 1
  const cuts: number[] = []
  let start = 0
  while (prefix[length] - prefix[start] > maxEms) {
    // reach: the furthest unit boundary whose line still fits (at least one unit, however wide).
    let reach = start + 1
    while (reach < length && prefix[reach + 1] - prefix[start] <= maxEms) reach++
    let choice = -1
    for (let k = reach; k > start && prefix[reach] - prefix[k] <= maxEms / 4; k--) {
      if (penalties[k] !== FORBIDDEN && (choice < 0 || penalties[k] < penalties[choice])) choice = k
    }
    if (choice < 0) for (let k = reach - 1; k > start && choice < 0; k--) if (penalties[k] !== FORBIDDEN) choice = k
    const next = choice > start ? choice : reach
    cuts.push(next)
    start = next
  }
  return cuts
}

/** The lines between cuts, without the spaces a break falls on; empty lines dropped. */
function cut(units: TitleUnit[], cuts: number[]): string[] {
  const lines: string[] = []
  let start = 0
  for (const end of [...cuts, units.length]) {
    const line = units
      .slice(start, end)
      .map((u) => u.text)
      .join('')
      .trim()
    if (line) lines.push(line)
    start = end
  }
  return lines
}

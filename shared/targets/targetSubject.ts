import { CHINESE_DIGITS } from './readNumber.ts'

/** Words that open a clause without naming anything: 力争, 确保, 使, 将, 在2022年, 全年, … */
const LEADING_FILLER = new RegExp(
  '^(?:力争|争取|努力|达到|提高|提升|确保|保证|保障|实现|使得|使(?!用)|让|将|把|并且|并|且|同时|全年|年度|当年|全面|进一步|逐步|要(?![素求])|对(?![标接口])|' +
    '(?:到|在|至|于)?\\d{4}年(?:底|末|前|内|度)?|(?:到|在)?年底|(?:到|在)?年内)',
)

/** Verbs that end a clause before a delta or a figure without being a comparator: 毛入园率提高2个百分点. */
const TRAILING_VERB = /(?:提高|提升|增加|增长|下降|降低|减少|压减|扩大|保持|稳定|累计|合计|总计|约为|为|在)$/

/** Words after a figure that close its noun phrase: 指标, 的目标. */
const TRAILING_NOUN_FILLER = /(?:的)?(?:目标|指标|要求|任务)$/

/** Where a noun phrase after a figure stops: punctuation, an Arabic number, or 和/及/与/或 before another figure. */
const AFTER_STOP = new RegExp(`[，。；：、！？\\n（(）)\\d]|[和及与或][${CHINESE_DIGITS}]`)

/** Longest subject kept; longer phrases are cut from the side away from the figure. */
export const MAX_SUBJECT_LENGTH = 20

/** The clause words before a figure with opening filler and trailing verbs removed: 力争公办幼儿园覆盖率 → 公办幼儿园覆盖率. */
export function cleanBefore(before: string): string {
  let s = before.trim()
  for (let prev = ''; prev !== s;) {
    prev = s
    s = s.replace(LEADING_FILLER, '').replace(TRAILING_VERB, '').trim()
  }
  return s.length > MAX_SUBJECT_LENGTH ? s.slice(s.length - MAX_SUBJECT_LENGTH) : s
}

/**
 * The noun phrase after a figure: 7所中小幼学校 → 中小幼学校, 50%以上幼儿园开设托班指标 → 幼儿园开设托班.
 * `skipFigure` jumps over one figure that follows at once (不少于22大项42个青少年体育赛事) so that both
 * figures get the noun.
 */
export function nounAfter(after: string, skipFigure?: RegExp): string {
  let s = after.replace(/^的/, '')
  const jump = skipFigure?.exec(s)
  if (jump && jump.index === 0) s = s.slice(jump[0].length).replace(/^的/, '')
  const stop = AFTER_STOP.exec(s)
  s = stop ? s.slice(0, stop.index) : s
  s = s
    .replace(/[和及与或]$/, '')
    .replace(TRAILING_NOUN_FILLER, '')
    .trim()
  return s.length > MAX_SUBJECT_LENGTH ? s.slice(0, MAX_SUBJECT_LENGTH) : s
}

/** The verb phrase before a count, cut at the last list mark: 区级产教融合实践基地、建设 → 建设. */
export function actionBefore(words: string): string {
  const cut = Math.max(words.lastIndexOf('、'), words.lastIndexOf('和'), words.lastIndexOf('及'), words.lastIndexOf('与'))
  let tail = cut >= 0 ? words.slice(cut + 1) : words
  // A long lead-in is usually a relative clause (为有需求的幼儿家庭提供): keep what follows its last 的.
  if (tail.length > MAX_ACTION_LENGTH && tail.lastIndexOf('的') >= 0) tail = tail.slice(tail.lastIndexOf('的') + 1)
  return tail.length > MAX_ACTION_LENGTH ? tail.slice(tail.length - MAX_ACTION_LENGTH) : tail
}

/** Longest action kept, from the figure backwards. */
export const MAX_ACTION_LENGTH = 8

/** True when a subject already names a measure (覆盖率, 比例, 占比), so the words after the figure add nothing. */
export function namesMeasure(subject: string): boolean {
  return /(?:率|比例|比重|占比|比率|份额|规模|水平|覆盖面|人数|数量|总量|总数)$/.test(subject)
}

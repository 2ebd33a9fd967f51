/**
 * How a figure constrains its subject: at least (min: 不少于, 以上, 达到), at most (max: 不超过, 以内, 降至),
 * exactly (eq: 新开办7所), a span (range: 1-2门) or roughly (approx: 约, 左右).
 */
export type Comparator = 'min' | 'max' | 'eq' | 'range' | 'approx'

/** One quantitative target found in plan text, e.g. “力争公办幼儿园覆盖率达到60%”. */
export interface Target {
  /** The matched span as printed, e.g. 不少于3000个, 50%以上, 达到100%, 1-2门. */
  text: string
  /** Offset of `text` in the string given to extractTargets (UTF-16 code units). */
  index: number
  /** What the figure measures, e.g. 公办幼儿园覆盖率, 中小幼学校, 家庭科学育儿指导活动. */
  subject: string
  /** For counts, the words before the figure in its clause, e.g. 新开办, 新增, 完成; absent when there are none. */
  action?: string
  /** The figure (the lower bound of a range). 百分之六十 → 60, 十二次 → 12. */
  value: number
  /** The upper bound of a range (1-2门 → 2); absent otherwise. */
  upper?: number
  /** The unit as printed after the number: %, 所, 个, 次, 人次, 门, 件, 万元, 个百分点, … */
  unit: string
  comparator: Comparator
  /** True when the clause says 力争/争取/努力: a goal rather than a commitment. */
  aspirational: boolean
}

/** How a target changed between two matched texts. */
export type TargetChangeKind = 'raised' | 'lowered' | 'changed' | 'unchanged' | 'added' | 'removed'

/** One target compared between an old and a new text. */
export interface TargetChange {
  kind: TargetChangeKind
  /** The subject, taken from the new target when there is one. */
  subject: string
  old?: Target
  new?: Target
  /**
   * True when the new target asks for less: a lower minimum or exact figure, a higher maximum, a
   * removed target; false otherwise. Checks use it to flag targets weaker than last year's.
   */
  weaker: boolean
  /** A one-line Chinese description, e.g. 公办幼儿园覆盖率 60% → 65%（提高）, 新开办公办幼儿园 6所 → 8所（提高）. */
  description: string
}

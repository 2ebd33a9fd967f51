import type { ItemPlace } from '../plan/numbering.ts'
import type { Plan } from '../plan/types.ts'

/** What a finding is about; stable names for counting and filtering. */
export type CheckKind =
  | 'stale-year'
  | 'ended-period'
  | 'near-duplicate'
  | 'repeated-sentence'
  | 'empty-item'
  | 'one-sentence'
  | 'missing-lead'
  | 'over-long'
  | 'lower-target'
  | 'municipal-figure'
  | 'missing-date'
  | 'typed-number'
  | 'placeholder'
  | 'breakdown-missing'
  | 'deadline-outside'
  | 'deadline-text'
  | 'lead-imbalance'
  | 'unknown-department'

/** error: must be fixed before issuing; warning: probably wrong; info: worth a look. */
export type Severity = 'error' | 'warning' | 'info'

/** Where a fix edits: an item's lead sentence or body, the plan title, or a paragraph of the preamble. */
export type FixField = 'title' | 'body' | 'planTitle' | 'preamble'

/**
 * An obvious automatic fix: replace `remove` at `index` of one text by `insert`. Carrying the removed
 * text lets the editor refuse the fix when the text has changed since the check ran.
 */
export interface CheckFix extends TextSpot {
  /** Button label, e.g. 改为2025年. */
  label: string
  insert: string
}

/** Words at `index` of one text (`remove` holds them), so the editor can select exactly them. */
export interface TextSpot {
  itemId?: string
  field: FixField
  /** Which preamble paragraph (0-based), when field is 'preamble'. */
  paragraph?: number
  index: number
  remove: string
}

/** One thing a check noticed. */
export interface Finding {
  kind: CheckKind
  itemId?: string
  /** The item's number as printed (derived from order). */
  number?: number
  /** Where a finding outside the items is: the plan title, a preamble paragraph (0-based `paragraph`), the cover notice or the closing. */
  field?: 'planTitle' | 'preamble' | 'notice' | 'closing'
  paragraph?: number
  /** A plain Chinese sentence. */
  message: string
  severity: Severity
  fix?: CheckFix
  /** The words the finding is about, when it has no fix but knows them: a click selects them, not the whole lead sentence. */
  spot?: TextSpot
}

/** What checks may look at besides the plan itself. */
export interface CheckOptions {
  /** The year the plan is for; defaults to plan.meta.year, then a year in the title. */
  year?: number
  /** Last year's plan, for targets that went down. */
  prior?: Plan
  /** The municipal plan, for figures the district plan states differently. */
  municipal?: Plan
  /** The bureau's 科室 list: a 牵头/配合 name not on it is kept and flagged. */
  departments?: readonly string[]
}

/** The plan with its items in order and the options, computed once for all checks. */
export interface CheckContext extends CheckOptions {
  plan: Plan
  places: ItemPlace[]
}

/** One check: a kind of problem and the function that finds it. */
export interface Check {
  /** The kinds of finding this check reports. */
  kinds: CheckKind[]
  /** Chinese name shown in the checks panel. */
  label: string
  run(ctx: CheckContext): Finding[]
}

import type { TargetChange } from '../targets/types.ts'

/**
 * What happened to an item between two plans. `moved` items may also be reworded (see
 * ItemDiff.reworded); `merged` is several old items → one new, `split` one old → several new.
 */
export type ItemChangeKind = 'unchanged' | 'reworded' | 'moved' | 'merged' | 'split' | 'added' | 'removed'

/** What happened to a section: kept with the same heading, renamed, added or removed. */
export type SectionChangeKind = 'unchanged' | 'renamed' | 'added' | 'removed'

/** A run of text that is common to both sides, only in the new text (insert) or only in the old (delete). */
export interface TextSpan {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/** Where a section or sub-section sits in its plan, with its label as printed. */
export interface SectionRef {
  id: string
  /** 1-based position among its siblings. */
  number: number
  /** As printed: 一、 for a section, （一） for a sub-section. */
  label: string
  heading: string
}

/** One item as printed in its plan. */
export interface ItemRef {
  id: string
  /** The item number as printed (1-based, continuous across the plan). */
  number: number
  /** As printed: 3. */
  label: string
  section: SectionRef
  subsection?: SectionRef
  title: string
  body: string
}

/** One entry of a plan diff: a match (1-1, merge or split), an addition or a removal. */
export interface ItemDiff {
  kind: ItemChangeKind
  /** Old items in old order: none for added, several for merged. */
  old: ItemRef[]
  /** New items in new order: none for removed, several for split. */
  new: ItemRef[]
  /** Placed in another section (or sub-section) or out of the old order. */
  moved: boolean
  /** Placed in another section (or sub-section) than its old section's counterpart. */
  movedSection: boolean
  /** The text differs (always true for merged and split). */
  reworded: boolean
  /** How the pair was found: stable id, content similarity, or neither (added/removed). */
  matchedBy: 'id' | 'content' | 'none'
  /** Content similarity of the old and new text, 0..1 (1 for identical, 0 for added/removed). */
  similarity: number
  /**
   * The old text against the new, as readable spans: the items' printed text (title + body, body
   * paragraphs joined by "\n"); several items on one side are joined by "\n" in document order.
   * Added items have one insert span, removed ones one delete span.
   */
  spans: TextSpan[]
  /**
   * True when the character diff hit its work limit (token comparisons, per item and per plan) and
   * the changed middle shows as one replacement. Named when the limit was a clock; kept for the JSON.
   */
  diffTimedOut: boolean
  /** Target changes between the old and new text, without the unchanged ones. */
  targets: TargetChange[]
}

/** One entry per old or new section or sub-section. */
export interface SectionDiff {
  kind: SectionChangeKind
  /** A section 一、 or a sub-section （一） (whose parent is the section entry before it). */
  level: 'section' | 'subsection'
  old?: SectionRef
  new?: SectionRef
  /** Out of the old order among matched sections. */
  moved: boolean
  matchedBy: 'id' | 'content' | 'none'
  /** Heading spans (old heading → new heading). */
  spans: TextSpan[]
}

/** A target change with the numbers of the items it belongs to. */
export interface PlanTargetChange extends TargetChange {
  /** Old item numbers as printed. */
  oldItems: number[]
  /** New item numbers as printed. */
  newItems: number[]
}

/** Counts by kind, each entry once under its kind (a moved item that was also reworded counts as moved). */
export interface DiffSummary {
  oldItems: number
  newItems: number
  unchanged: number
  reworded: number
  moved: number
  merged: number
  split: number
  added: number
  removed: number
  /** Entries with some change (everything but unchanged). */
  changed: number
  sectionsAdded: number
  sectionsRemoved: number
  sectionsRenamed: number
  targetsChanged: number
}

/** The structural diff of two plans, ready for an inline or side-by-side view. */
export interface PlanDiff {
  title: { old: string; new: string; spans: TextSpan[] }
  /** Preamble paragraphs joined by "\n". */
  preamble: { changed: boolean; spans: TextSpan[] }
  sections: SectionDiff[]
  /** In new document order; a removed item follows the match of the old item before it. */
  items: ItemDiff[]
  /** Every changed target of matched items, in item order. */
  targets: PlanTargetChange[]
  summary: DiffSummary
  /** True when any text diff hit its work limit (see ItemDiff.diffTimedOut). */
  timedOut: boolean
}

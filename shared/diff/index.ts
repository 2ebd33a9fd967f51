/**
 * The structural diff of two plans: diffPlans (items matched by id, content, merge and split, with
 * readable character spans and target changes), diffText for any two texts, and the Chinese
 * descriptions reviewers read. Pure TypeScript, for the server, the CLI and the review page.
 */
export { diffPlans, PLAN_DIFF_WORK, type DiffOptions } from './diffPlans.ts'
export { diffText, ITEM_DIFF_WORK, type DiffTextOptions, type TextDiff } from './diffText.ts'
export { describeChange, itemNumbers, ITEM_KIND_LABELS, SECTION_KIND_LABELS } from './describeChange.ts'
export type * from './types.ts'
export { changeSnippet, type SnippetOptions } from './changeSnippet.ts'

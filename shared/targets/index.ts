/**
 * Quantitative targets in plan text: extract them (extractTargets), compare two texts' targets
 * (compareTargets), tell whether two targets measure the same thing (subjectSimilarity) and print
 * them (formatTarget). Pure TypeScript; used by the diff, the alignment checks and the CLI.
 */
export { extractTargets } from './extractTargets.ts'
export { compareTargets, changeOf, SAME_SUBJECT } from './compareTargets.ts'
export { subjectSimilarity } from './subjectSimilarity.ts'
export { formatTarget, targetLabel } from './formatTarget.ts'
export type { Comparator, Target, TargetChange, TargetChangeKind } from './types.ts'

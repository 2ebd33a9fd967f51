import type { Target } from './types.ts'

/** Verbs that only say "reach"; dropped when a figure is shown on its own (达到60% → 60%). */
const REACH = /^(?:达到|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|达|保持在|稳定在|为|至|到)/

/** A target's figure as a reviewer reads it: 60%, 不少于3000个, 50%以上, 降至6%, 1-2门. */
export function formatTarget(t: Target): string {
  return t.text.replace(REACH, '')
}

/** What a target is about, for a reader: the subject, after its action for counts (新开办公办幼儿园, 公办幼儿园覆盖率). */
export function targetLabel(t: Target): string {
  return (t.action ?? '') + t.subject
}

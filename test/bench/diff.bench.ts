// Diff of two 60-item plans (related: a draft and its source; unrelated: no item in common), next
// to jsdiff's diffChars on the two whole texts in the same run.
import { diffChars } from 'diff'
import { diffPlans, PLAN_DIFF_WORK } from '../../shared/diff/diffPlans.ts'
import { diffText, ITEM_DIFF_WORK } from '../../shared/diff/diffText.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { renderPlanText } from '../../shared/plan/render.ts'
import { editedDraft, planFromSentences, sentencePool, unrelatedPlans } from '../shared/diff/fixtures/syntheticPlans.ts'
import { withoutIds } from '../shared/diff/fixtures/seedDraft.ts'
import { report, time } from './timing.ts'

/** jsdiff on the whole rendered texts, with a time limit; returns its time and whether it gave up. */
function wholeText(a: Plan, b: Plan, timeoutMs: number): { ms: number; timedOut: boolean; chars: number } {
  const x = renderPlanText(a)
  const y = renderPlanText(b)
  const t0 = performance.now()
  const result = diffChars(x, y, { timeout: timeoutMs })
  return { ms: performance.now() - t0, timedOut: result === undefined, chars: x.length + y.length }
}

export async function run(): Promise<void> {
  const source = planFromSentences(sentencePool())
  const draft = editedDraft(source)
  const anonymous = withoutIds(draft)
  const [a, b] = unrelatedPlans()
  const s = diffPlans(source, draft).summary
  console.log(
    `related pair: ${s.oldItems} → ${s.newItems} items; unchanged ${s.unchanged}, reworded ${s.reworded}, moved ${s.moved}, merged ${s.merged}, split ${s.split}, added ${s.added}, removed ${s.removed}`,
  )
  const u = diffPlans(a, b).summary
  console.log(`unrelated pair: ${u.oldItems} → ${u.newItems} items; matched ${u.unchanged + u.reworded + u.moved + u.merged + u.split}, added ${u.added}, removed ${u.removed}`)

  const withIds = await time(() => diffPlans(source, draft), 30, 5)
  report('diff 60 items, draft vs source (ids) — median', withIds.median, 20, `min ${withIds.min.toFixed(2)}, p99 ${withIds.p99.toFixed(2)} ms`)
  const byContent = await time(() => diffPlans(source, anonymous), 30, 5)
  report('diff 60 items, draft vs source (content only) — median', byContent.median, 20, `min ${byContent.min.toFixed(2)}, p99 ${byContent.p99.toFixed(2)} ms`)
  const unrelated = await time(() => diffPlans(a, b), 20, 3)
  report('diff 60 items, unrelated plans — median', unrelated.median, 300, `min ${unrelated.min.toFixed(2)}, p99 ${unrelated.p99.toFixed(2)} ms`)

  // What the diff's work limits cost in time here: one item spending all of its comparisons.
  const [x3000, y3000] = [7919, 104729].map((k) => Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * k + 13) % 5000))).join(''))
  const limit = await time(() => diffText(x3000, y3000, { maxEditLength: 1e6 }), 10, 2)
  report(
    `diff work limit: one item spending all ${ITEM_DIFF_WORK.toLocaleString('en')} comparisons`,
    limit.median,
    50,
    `min ${limit.min.toFixed(2)} ms; the plan limit is ${PLAN_DIFF_WORK.toLocaleString('en')} (${PLAN_DIFF_WORK / ITEM_DIFF_WORK} such items)`,
  )

  for (const [name, x, y] of [
    ['related', source, draft],
    ['unrelated', a, b],
  ] as const) {
    const j = wholeText(x, y, 1000)
    report(`jsdiff diffChars on whole texts, ${name} (timeout 1 s)`, j.ms, undefined, `${j.chars} chars, ${j.timedOut ? 'TIMED OUT' : 'finished'}`)
  }
}

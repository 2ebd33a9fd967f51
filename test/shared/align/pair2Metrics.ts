// Link and task-verdict metrics of the alignment on pair 2 (test/fixtures/align/pair2: invented plans
// written apart from the seeds, with the expected table written before the engine ran on them).
// Shared by pair2.test.ts and printPair2Metrics.ts.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { alignPlans } from '../../../shared/align/alignPlans.ts'
import { coverageReport, type TaskCoverage } from '../../../shared/align/coverage.ts'
import type { TaskVerdict } from '../../../shared/align/taskVerdict.ts'
import { importText } from '../../../shared/import/importText.ts'

const dir = fileURLToPath(new URL('../../fixtures/align/pair2/', import.meta.url))

/** One expected task verdict. */
export interface ExpectedTask {
  municipal: number
  task: string
  verdict: TaskVerdict
  by: number[]
}

/** The figures reported in the README for pair 2. */
export interface Pair2Metrics {
  links: { predicted: number; correct: number; gold: number; precision: number; recall: number }
  /** District items without a counterpart that the engine reports unaligned. */
  unaligned: { hits: number; of: number }
  tasks: {
    total: number
    /** Verdict equal to the table's. */
    agree: number
    /** Per verdict: how often the engine gave it, and how often the table agrees. */
    given: Record<TaskVerdict, { given: number; right: number; expected: number }>
    /** The engine said more than the table (done for partial/none, partial for none). */
    overClaims: Array<{ municipal: number; text: string; expected: TaskVerdict; got: TaskVerdict }>
  }
  report: TaskCoverage[]
}

const RANK: Record<TaskVerdict, number> = { none: 0, partial: 1, done: 2 }

/** Runs the engine on pair 2 and scores it against the hand-written table. */
export function pair2Metrics(): Pair2Metrics {
  const read = (f: string): string => readFileSync(dir + f, 'utf8')
  const district = importText(read('district.txt')).plan
  const municipal = importText(read('municipal.txt')).plan
  const expected = JSON.parse(read('expected.json')) as { links: Record<string, number[]>; tasks: ExpectedTask[] }
  const alignment = alignPlans(district, municipal)
  let predicted = 0
  let correct = 0
  let gold = 0
  const unaligned = { hits: 0, of: 0 }
  for (const item of alignment.items) {
    const want = expected.links[String(item.number)] ?? []
    const strong = item.candidates.filter((c) => c.strong).map((c) => c.number)
    gold += want.length
    predicted += strong.length
    correct += strong.filter((n) => want.includes(n)).length
    if (!want.length) {
      unaligned.of++
      if (!item.aligned) unaligned.hits++
    }
  }
  const report = coverageReport(alignment).tasks
  if (report.length !== expected.tasks.length) throw new Error(`pair 2: ${report.length} tasks found, the table has ${expected.tasks.length}`)
  const given = { done: { given: 0, right: 0, expected: 0 }, partial: { given: 0, right: 0, expected: 0 }, none: { given: 0, right: 0, expected: 0 } }
  const overClaims: Pair2Metrics['tasks']['overClaims'] = []
  let agree = 0
  report.forEach((t, i) => {
    const e = expected.tasks[i]
    if (!t.text.startsWith(e.task)) throw new Error(`pair 2: task ${i} is “${t.text}”, the table says “${e.task}”`)
    given[t.verdict].given++
    given[e.verdict].expected++
    if (t.verdict === e.verdict) {
      agree++
      given[t.verdict].right++
    }
    if (RANK[t.verdict] > RANK[e.verdict]) overClaims.push({ municipal: t.municipal, text: t.text, expected: e.verdict, got: t.verdict })
  })
  const ratio = (a: number, b: number): number => (b ? a / b : 1)
  return {
    links: { predicted, correct, gold, precision: ratio(correct, predicted), recall: ratio(correct, gold) },
    unaligned,
    tasks: { total: report.length, agree, given, overClaims },
    report,
  }
}

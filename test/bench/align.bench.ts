// Alignment and checks at the size of a real plan: 60 district × 60 municipal items, and all checks on
// a 60-item draft with a prior-year plan and a municipal plan. Items are the seeds' own items (about
// 120–480 characters each) with their sentences rotated, so no two are identical. The prior-year plan
// is a real prior: its own ids, another year, other wording and figures, items in another order.
import { alignPlans } from '../../shared/align/alignPlans.ts'
import { coverageReport } from '../../shared/align/coverage.ts'
import { splitTasks } from '../../shared/align/splitTasks.ts'
import { clearCheckCaches, runChecks } from '../../shared/checks/runChecks.ts'
import { allItems } from '../../shared/plan/numbering.ts'
import type { Plan, PlanItem } from '../../shared/plan/types.ts'
import { districtSeed, municipalSeed } from '../utils/seeds.ts'
import { report, time } from './timing.ts'

/**
 * CPU milliseconds per run (user + system) over `runs` runs. The machine is shared, so wall-clock
 * medians swing with other people's load; CPU time shows what the code itself costs.
 */
function cpuMs(fn: () => unknown, runs = 30): number {
  fn()
  const start = process.cpuUsage()
  for (let i = 0; i < runs; i++) fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000 / runs
}

function rotated(item: PlanItem, by: number, id: string): PlanItem {
  const s = splitTasks(item.body)
  const k = s.length ? by % s.length : 0
  return { id, title: item.title, body: [...s.slice(k), ...s.slice(0, k)].join('') }
}

function planOf60(pool: PlanItem[], shift: number, prefix: string, year: number): Plan {
  const items = Array.from({ length: 60 }, (_, i) => rotated(pool[(i + shift) % pool.length], Math.floor(i / pool.length) + shift, `${prefix}${i}`))
  const sections = Array.from({ length: 6 }, (_, s) => ({ id: `${prefix}s${s}`, heading: `第${s + 1}部分`, intro: [], items: items.slice(s * 10, s * 10 + 10), subsections: [] }))
  return { title: `${year}年工作要点`, preamble: [], meta: { year }, sections }
}

/** Last year's wording of a draft's text: common verbs swapped, figures changed by `delta`, the year before. */
function lastYearWording(text: string, year: number, delta: number): string {
  const swaps: [RegExp, string][] = [
    [/加强/g, '强化'],
    [/推进/g, '推动'],
    [/深化/g, '深入推进'],
    [/完善/g, '健全'],
    [/开展/g, '组织'],
  ]
  let out = text.replaceAll(`${year}年`, `${year - 1}年`)
  for (const [from, to] of swaps) out = out.replace(from, to)
  return out.replace(/\d+/g, (n) => (Number(n) > 1 && !/^(19|20)\d\d$/.test(n) ? String(Number(n) + delta) : n))
}

/**
 * The prior-year plan of a draft as a bureau would have it: other ids (not carried forward), other
 * wording, sentences in another order, items shifted by five places, one in six left out; figures
 * were one lower last year, except every fourth item's, which were one higher (the draft lowers them).
 */
function priorOf(draft: Plan, year: number): Plan {
  const items = allItems(draft)
    .map((it, i) => ({ i, it }))
    .filter(({ i }) => i % 6 !== 5)
    .map(({ i, it }) => rotated({ id: `p${i}`, title: lastYearWording(it.title, year, i % 4 ? -1 : 1), body: lastYearWording(it.body, year, i % 4 ? -1 : 1) }, 1, `p${i}`))
  const shifted = [...items.slice(5), ...items.slice(0, 5)]
  const sections = Array.from({ length: 5 }, (_, s) => ({ id: `ps${s}`, heading: `第${s + 1}部分`, intro: [], items: shifted.slice(s * 10, s * 10 + 10), subsections: [] }))
  return { title: `${year - 1}年工作要点`, preamble: [], meta: { year: year - 1 }, sections }
}

/** Prints the alignment and checks figures. */
export async function run(): Promise<void> {
  const pool = [...allItems(districtSeed()), ...allItems(municipalSeed())]
  const district = planOf60(pool, 0, 'd', 2025)
  const municipal = planOf60(pool, 17, 'm', 2025)
  const prior = priorOf(district, 2025)
  const chars = allItems(district).reduce((n, it) => n + it.title.length + it.body.length, 0)

  const align = await time(() => alignPlans(district, municipal), 30, 3)
  report(
    'align 60 × 60 items (index, scores, top-3 terms)',
    align.median,
    30,
    `min ${align.min.toFixed(2)} ms, p99 ${align.p99.toFixed(2)} ms, cpu ${cpuMs(() => alignPlans(district, municipal)).toFixed(2)} ms; ${chars} characters per plan`,
  )
  const alignment = alignPlans(district, municipal)
  const cov = await time(() => coverageReport(alignment), 30, 3)
  report('coverage report on that alignment (tasks, links)', cov.median, undefined, `min ${cov.min.toFixed(2)} ms, p99 ${cov.p99.toFixed(2)} ms; ${coverageReport(alignment).tasks.length} tasks`)

  const options = { prior, municipal }
  const cold = await time(
    () => {
      clearCheckCaches()
      return runChecks(district, options)
    },
    30,
    3,
  )
  const coldCpu = cpuMs(() => {
    clearCheckCaches()
    return runChecks(district, options)
  })
  const findings = runChecks(district, options)
  const lower = findings.filter((f) => f.kind === 'lower-target').length
  report(
    'all checks, 60 items + prior + municipal, cold',
    cold.median,
    10,
    `min ${cold.min.toFixed(2)} ms, p99 ${cold.p99.toFixed(2)} ms, cpu ${coldCpu.toFixed(2)} ms; every check cache cleared per run; prior of ${allItems(prior).length} items with its own ids; ${findings.length} findings, ${lower} targets lower than last year`,
  )
  let edit = 0
  const live = await time(
    () => {
      // Live use: one item changed since the last run, the other items' targets are remembered.
      const item = district.sections[edit % 6].items[0]
      item.body = item.body.replace(/。$/, '') + (edit++ % 2 ? '。' : '，加强督导。')
      return runChecks(district, options)
    },
    50,
    5,
  )
  report('all checks, 60 items + prior + municipal, after one edit', live.median, 10, `min ${live.min.toFixed(2)} ms, p99 ${live.p99.toFixed(2)} ms`)
  const plain = await time(() => runChecks(district), 50, 5)
  report('all checks, 60 items, plan alone', plain.median, 10, `min ${plain.min.toFixed(2)} ms, p99 ${plain.p99.toFixed(2)} ms, cpu ${cpuMs(() => runChecks(district)).toFixed(2)} ms`)
}

import { VERDICT_LABEL, type TaskVerdict } from '../../../shared/align/taskVerdict.ts'
import { ALIGN_THRESHOLD, alignPlans, type Alignment } from '../../../shared/align/alignPlans.ts'
import { coverageReport, type CoverageReport } from '../../../shared/align/coverage.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags, noteWarnings } from './import.ts'

const USAGE = '用法: plan align DISTRICT MUNICIPAL [--json] [--threshold 0.065] [--top 3]（区级计划、市级计划：.txt、.docx 或 Plan JSON）'

/** `plan align DISTRICT MUNICIPAL [--json]`: which municipal items each district item supports, and what is not covered. */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['threshold', 'top'])
  checkFlags(flags, ['json', 'threshold', 'top'], USAGE)
  if (positional.length !== 2) throw new CliError(USAGE, 2)
  const threshold = numberFlag(flags.get('threshold'), ALIGN_THRESHOLD, 0, 1, '--threshold 应为 0 到 1 之间的数')
  const topK = numberFlag(flags.get('top'), 3, 1, 50, '--top 应为 1 到 50 之间的整数')
  if (!Number.isInteger(topK)) throw new CliError('--top 应为 1 到 50 之间的整数', 2)
  const district = await readPlanFile(positional[0], io.stdin)
  noteWarnings(io, district.warnings, positional[0])
  const municipal = await readPlanFile(positional[1], io.stdin)
  noteWarnings(io, municipal.warnings, positional[1])
  if (!countItems(district.plan)) throw new CliError(`区级计划中没有条目：${positional[0]}`)
  if (!countItems(municipal.plan)) throw new CliError(`市级计划中没有条目：${positional[1]}`)
  const alignment = alignPlans(district.plan, municipal.plan, { threshold, topK })
  const report = coverageReport(alignment)
  io.stdout.write(flags.has('json') ? JSON.stringify(alignJson(alignment, report), null, 2) + '\n' : alignText(district.plan, municipal.plan, alignment, report))
  return 0
}

/** The documented --json shape (see README, "Alignment and checks"). */
export function alignJson(alignment: Alignment, report: CoverageReport): unknown {
  return {
    threshold: alignment.threshold,
    items: alignment.items.map((it) => ({
      number: it.number,
      title: it.title,
      aligned: it.aligned,
      candidates: it.candidates.map((c) => ({ number: c.number, title: c.title, score: c.score, strong: c.strong, terms: c.terms })),
    })),
    uncovered: report.uncovered.map((m) => m.number),
    unlinked: report.unlinked.map((d) => d.number),
    tasks: report.tasks.map((t) => ({
      municipal: t.municipal,
      text: t.text,
      verdict: t.verdict,
      covered: t.covered,
      by: t.by,
      ...(t.evidence ? { evidence: { district: t.evidence.district, sentence: t.evidence.sentence, share: t.evidence.share, ...(t.evidence.weaker ? { weaker: t.evidence.weaker } : {}) } } : {}),
    })),
  }
}

function alignText(district: Plan, municipal: Plan, alignment: Alignment, report: CoverageReport): string {
  const out: string[] = [`对标：${district.title || '区级计划'} ↔ ${municipal.title || '市级计划'}（强对应阈值 ${alignment.threshold}）`, '']
  const aligned = alignment.items.filter((it) => it.aligned).length
  out.push(`区级条目：共 ${alignment.items.length} 条，${aligned} 条找到市级对应，${alignment.items.length - aligned} 条未对应`)
  for (const it of alignment.items) {
    out.push(`${it.number}.${it.title || '（无主题句）'}${it.aligned ? '' : '  —— 未对应'}`)
    for (const c of it.candidates) {
      if (!it.aligned && c !== it.candidates[0]) break
      const terms = c.terms.length ? `［${c.terms.join('、')}］` : ''
      out.push(`    ${c.strong ? '→' : '·'} 市${c.number}.${c.title} ${c.score.toFixed(3)} ${terms}`)
    }
  }
  out.push('', report.uncovered.length ? `没有区级条目落实的市级条目（${report.uncovered.length} 条）：` : '每个市级条目都有区级条目落实。')
  for (const m of report.uncovered) out.push(`    市${m.number}.${m.title}`)
  const count = (v: TaskVerdict): number => report.tasks.filter((t) => t.verdict === v).length
  out.push('', `市级任务：共 ${report.tasks.length} 项，已落实 ${count('done')} 项，部分相关 ${count('partial')} 项，未覆盖 ${count('none')} 项`)
  for (const t of report.tasks.filter((x) => x.verdict !== 'done')) {
    const shown = t.evidence && t.verdict === 'partial' ? `（区${t.evidence.district}：${t.evidence.sentence}${t.evidence.weaker ? `；${t.evidence.weaker}` : ''}）` : ''
    out.push(`    [${VERDICT_LABEL[t.verdict]}] 市${t.municipal}：${t.text}${shown}`)
  }
  return out.join('\n') + '\n'
}

function numberFlag(value: string | true | undefined, fallback: number, min: number, max: number, message: string): number {
  if (value === undefined) return fallback
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  if (!Number.isFinite(n) || n < min || n > max) throw new CliError(message, 2)
  return n
}

function countItems(plan: Plan): number {
  return plan.sections.reduce((n, s) => n + s.items.length + s.subsections.reduce((k, u) => k + u.items.length, 0), 0)
}

import { countByKind, kindLabel, runChecks } from '../../../shared/checks/runChecks.ts'
import type { CheckOptions, Finding, Severity } from '../../../shared/checks/types.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags, noteWarnings } from './import.ts'

const USAGE = '用法: plan check FILE [--json] [--prior 上年计划] [--municipal 市级计划] [--year 年份]'
const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' }

/**
 * `plan check FILE`: the checks the editor runs live, on a file. Exits 1 when a finding is an error
 * (e.g. a past year in the title), so scripts can stop a plan from being issued.
 */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['prior', 'municipal', 'year'])
  checkFlags(flags, ['json', 'prior', 'municipal', 'year'], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  const options: CheckOptions = {}
  const year = flags.get('year')
  if (year !== undefined) {
    if (typeof year !== 'string' || !/^(19|20)\d{2}$/.test(year)) throw new CliError('--year 应为四位年份，例如 2025', 2)
    options.year = Number(year)
  }
  const { plan, warnings } = await readPlanFile(positional[0], io.stdin)
  noteWarnings(io, warnings, positional[0])
  for (const key of ['prior', 'municipal'] as const) {
    const path = flags.get(key)
    if (path === undefined) continue
    if (typeof path !== 'string') throw new CliError(`参数 --${key} 需要一个文件`, 2)
    const other = await readPlanFile(path, io.stdin)
    noteWarnings(io, other.warnings, path)
    options[key] = other.plan
  }
  const findings = runChecks(plan, options)
  io.stdout.write(flags.has('json') ? JSON.stringify({ findings, counts: countByKind(findings) }, null, 2) + '\n' : checkText(findings))
  return findings.some((f) => f.severity === 'error') ? 1 : 0
}

function checkText(findings: Finding[]): string {
  if (!findings.length) return '检查通过：没有发现问题。\n'
  const lines = findings.map((f) => `${f.number === undefined ? '全文' : `第${f.number}条`} [${SEVERITY_LABEL[f.severity]}] ${kindLabel(f.kind)}：${f.message}${f.fix ? `（可自动修复：${f.fix.label}）` : ''}`)
  const counts = Object.entries(countByKind(findings)).map(([kind, n]) => `${kindLabel(kind as Finding['kind'])} ${n}`)
  const bySeverity = (['error', 'warning', 'info'] as const).map((s) => `${SEVERITY_LABEL[s]} ${findings.filter((f) => f.severity === s).length}`)
  lines.push('', `共 ${findings.length} 项（${bySeverity.join('，')}）：${counts.join('，')}`)
  return lines.join('\n') + '\n'
}

import { breakdownRows, deadlineKindLabel, joinNames, type BreakdownRow } from '../../../shared/breakdown/table.ts'
import { breakdownDocx } from '../../export/breakdown/breakdownDocx.ts'
import { breakdownXlsx } from '../../export/breakdown/breakdownXlsx.ts'
import { breakdownTitle } from '../../export/breakdown/columns.ts'
import { writeFileAtomic } from '../../export/writeFileAtomic.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand, type CliIo } from '../command.ts'
import { ledgerFile, ledgerToday, readReportsFile } from '../ledgerFiles.ts'
import { writeError } from './export.ts'
import { checkFlags, printWarnings } from './import.ts'

const USAGE =
  '用法: plan breakdown FILE [--json] [--xlsx OUT.xlsx] [--docx OUT.docx] [--ledger-xlsx OUT.xlsx] [--ledger-docx OUT.docx] [--reports REPORTS.json] [--today YYYY-MM-DD]（FILE 为 Plan JSON、.txt 或 .docx；REPORTS.json 为填报记录数组，或 GET /api/documents/:id/progress 的结果）'

/** The file outputs: the 任务分解表 and the 台账, each as .xlsx or .docx. */
const OUTPUTS = [
  ['xlsx', 'xlsx', 'breakdown'],
  ['docx', 'docx', 'breakdown'],
  ['ledger-xlsx', 'xlsx', 'ledger'],
  ['ledger-docx', 'docx', 'ledger'],
] as const

/**
 * `plan breakdown FILE`: the 任务分解表 of a plan — who leads and supports each item and by when — as
 * text or JSON on stdout, and as .xlsx / .docx files; `--ledger-xlsx/--ledger-docx` write the 工作台账
 * with the progress reports of `--reports` (a plan file holds none). A text or .docx plan's notes
 * （牵头单位：…） are read by the import, so a plan as published gives its table.
 */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['xlsx', 'docx', 'ledger-xlsx', 'ledger-docx', 'reports', 'today'])
  checkFlags(flags, ['json', 'xlsx', 'docx', 'ledger-xlsx', 'ledger-docx', 'reports', 'today'], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  const outputs: Array<{ format: 'xlsx' | 'docx'; what: 'breakdown' | 'ledger'; out: string }> = []
  for (const [flag, format, what] of OUTPUTS) {
    const out = flags.get(flag)
    if (out === undefined) continue
    if (typeof out !== 'string' || !out.trim()) throw new CliError(`参数 --${flag} 需要一个文件名。${USAGE}`, 2)
    if (!out.toLowerCase().endsWith(`.${format}`)) throw new CliError(`--${flag} 的输出文件名应以 .${format} 结尾：${out}`, 2)
    outputs.push({ format, what, out })
  }
  const ledger = outputs.some((o) => o.what === 'ledger')
  if (!ledger && (flags.has('reports') || flags.has('today'))) throw new CliError('--reports 和 --today 只用于工作台账，请同时给出 --ledger-xlsx 或 --ledger-docx', 2)
  const reportsFlag = flags.get('reports')
  if (reportsFlag === true || reportsFlag === '') throw new CliError(`参数 --reports 需要一个文件名。${USAGE}`, 2)
  const today = ledgerToday(flags.get('today'))
  const { plan, warnings, format } = await readPlanFile(positional[0], io.stdin)
  if (format !== 'plan-json') printWarnings(io, warnings)
  const reports = ledger ? await readReportsFile(reportsFlag) : []
  const items = new Set(breakdownRows(plan).map((r) => r.itemId))
  const strays = reports.filter((r) => !items.has(r.itemId)).length
  if (strays) io.stderr.write(`注意：填报文件中有 ${strays} 条记录的条目不在这份计划中，台账中不计\n`)
  for (const { format: kind, what, out } of outputs) {
    const bytes = what === 'ledger' ? await ledgerFile(kind, plan, reports, today) : kind === 'xlsx' ? await breakdownXlsx(plan) : await breakdownDocx(plan)
    try {
      await writeFileAtomic(out, bytes)
    } catch (err) {
      throw new CliError(writeError(err, out), 1)
    }
    io.stderr.write(`已导出 ${out}\n`)
  }
  const rows = breakdownRows(plan)
  if (flags.has('json')) io.stdout.write(JSON.stringify({ title: breakdownTitle(plan.title), rows }, null, 2) + '\n')
  else if (!outputs.length) printRows(io, breakdownTitle(plan.title), rows)
  return 0
}

/** One line per item: 第1条 重点任务｜牵头：…｜配合：…｜时限：…（季度）, then how many items lack a lead or a deadline. */
function printRows(io: CliIo, title: string, rows: BreakdownRow[]): void {
  const lines = [title]
  for (const r of rows) {
    const parts = [`第${r.number}条 ${r.task}`, `牵头：${joinNames(r.lead) || '（未填）'}`]
    if (r.support.length) parts.push(`配合：${joinNames(r.support)}`)
    if (r.leader) parts.push(`分管领导：${r.leader}`)
    if (r.person) parts.push(`责任人：${r.person}`)
    parts.push(`时限：${r.deadline ? `${r.deadline}（${deadlineKindLabel(r.deadlineKind)}）` : '（未填）'}`)
    lines.push(parts.join('｜'))
  }
  const noLead = rows.filter((r) => !r.lead.length).length
  const noDeadline = rows.filter((r) => !r.deadline).length
  lines.push('', `共 ${rows.length} 条；未填牵头科室 ${noLead} 条，未填完成时限 ${noDeadline} 条`)
  io.stdout.write(lines.join('\n') + '\n')
}

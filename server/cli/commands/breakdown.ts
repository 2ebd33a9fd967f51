import { breakdownRows, deadlineKindLabel, joinNames, type BreakdownRow } from '../../../shared/breakdown/table.ts'
import { breakdownDocx } from '../../export/breakdown/breakdownDocx.ts'
import { breakdownXlsx } from '../../export/breakdown/breakdownXlsx.ts'
import { breakdownTitle } from '../../export/breakdown/columns.ts'
import { writeFileAtomic } from '../../export/writeFileAtomic.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand, type CliIo } from '../command.ts'
import { writeError } from './export.ts'
import { checkFlags, printWarnings } from './import.ts'

const USAGE = '用法: plan breakdown FILE [--json] [--xlsx OUT.xlsx] [--docx OUT.docx]（FILE 为 Plan JSON、.txt 或 .docx）'

/**
 * `plan breakdown FILE`: the 任务分解表 of a plan — who leads and supports each item and by when — as
 * text or JSON on stdout, and as .xlsx / .docx files. A text or .docx plan's notes （牵头单位：…） are
 * read by the import, so a plan as published gives its table.
 */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['xlsx', 'docx'])
  checkFlags(flags, ['json', 'xlsx', 'docx'], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  const outputs: Array<['xlsx' | 'docx', string]> = []
  for (const format of ['xlsx', 'docx'] as const) {
    const out = flags.get(format)
    if (out === undefined) continue
    if (typeof out !== 'string' || !out.trim()) throw new CliError(`参数 --${format} 需要一个文件名。${USAGE}`, 2)
    if (!out.toLowerCase().endsWith(`.${format}`)) throw new CliError(`--${format} 的输出文件名应以 .${format} 结尾：${out}`, 2)
    outputs.push([format, out])
  }
  const { plan, warnings, format } = await readPlanFile(positional[0], io.stdin)
  if (format !== 'plan-json') printWarnings(io, warnings)
  for (const [kind, out] of outputs) {
    const bytes = kind === 'xlsx' ? await breakdownXlsx(plan) : await breakdownDocx(plan)
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

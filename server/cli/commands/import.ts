import { itemLabel, itemPlaces, planOutline, type ItemPlace } from '../../../shared/plan/numbering.ts'
import { planLimitViolation } from '../../../shared/plan/limits.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import type { Plan, PlanWarning } from '../../../shared/plan/types.ts'
import { importLimits, planLimits } from '../../config/limits.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand, type CliIo } from '../command.ts'

const USAGE = '用法: plan import FILE [--json]（FILE 为 .txt、.docx 或 Plan JSON，- 表示标准输入）'

/** `plan import FILE [--json]`: the plan's outline (or Plan JSON) on stdout, import warnings on stderr. */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args)
  checkFlags(flags, ['json'], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  // The server's limits (IMPORT_LIMIT_* and PLAN_LIMIT_* apply here too): what imports here imports there.
  const { plan, warnings, format } = await readPlanFile(positional[0], io.stdin, importLimits(io.env))
  const violation = planLimitViolation(plan, planLimits(io.env))
  if (violation) throw new CliError(`${violation.message}（plan-too-large）`)
  // Warnings stored in Plan JSON were shown when it was made; only a fresh import has news.
  if (format !== 'plan-json') printWarnings(io, warnings)
  io.stdout.write(flags.has('json') ? JSON.stringify(toPlanJson(plan, warnings), null, 2) + '\n' : outline(plan))
  return 0
}

/** The outline of a plan: title, what it is, section headings and numbered item titles, and a count. */
export function outline(plan: Plan): string {
  const lines: string[] = [plan.title || '（无标题）']
  const about = [
    plan.meta.issuer,
    plan.meta.level === 'district' ? '区级' : plan.meta.level === 'municipal' ? '市级' : undefined,
    plan.meta.year ? `${plan.meta.year}年${plan.meta.period ?? ''}` : undefined,
  ].filter(Boolean)
  if (about.length) lines.push(`（${about.join(' · ')}）`)
  if (plan.notice) lines.push(`印发通知：${plan.notice.title ?? `关于印发《${plan.title}》的通知`}${plan.notice.date ? ' ' + plan.notice.date : ''}`)
  const itemLines = (places: ItemPlace[]): void => {
    for (const p of places) lines.push(`    ${itemLabel(p.number)}${p.item.title || '（无标题句）'}`)
  }
  for (const s of planOutline(plan)) {
    lines.push(`${s.label}${s.section.heading || '（无标题部分）'}`)
    itemLines(s.items)
    for (const u of s.subsections) {
      lines.push(`  ${u.label}${u.subsection.heading}`)
      itemLines(u.items)
    }
  }
  lines.push(
    `共 ${plan.sections.length} 个部分、${itemPlaces(plan).length} 条${plan.closing?.issuer || plan.closing?.date ? `；落款：${[plan.closing.issuer, plan.closing.date].filter(Boolean).join(' ')}` : ''}`,
  )
  return lines.join('\n') + '\n'
}

/** Prints each warning as one line on stderr. */
export function printWarnings(io: CliIo, warnings: PlanWarning[]): void {
  for (const w of warnings) io.stderr.write(`警告：${w.message}\n`)
}

/** One line on stderr for a file with import warnings (commands other than import; `plan import` shows them in full). */
export function noteWarnings(io: CliIo, warnings: PlanWarning[], path: string): void {
  if (warnings.length) io.stderr.write(`提示：读取 ${path} 时有 ${warnings.length} 条导入提示（用 plan import 查看）\n`)
}

/** Refuses flags the command does not know (exit 2), so a typo is not silently ignored. */
export function checkFlags(flags: Map<string, string | true>, known: string[], usage: string): void {
  for (const key of flags.keys()) if (!known.includes(key)) throw new CliError(`未知参数 --${key}。${usage}`, 2)
}

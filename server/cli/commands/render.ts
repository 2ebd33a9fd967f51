import { renderPlanText } from '../../../shared/plan/render.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags, printWarnings } from './import.ts'

const USAGE = '用法: plan render FILE（FILE 为 Plan JSON、.txt 或 .docx）'

/** `plan render FILE`: the official plain text of a plan on stdout (importing it gives the plan back). */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args)
  checkFlags(flags, [], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  const { plan, warnings, format } = await readPlanFile(positional[0], io.stdin)
  // Warnings stored in Plan JSON were shown when it was made; only a fresh import has news.
  if (format !== 'plan-json') printWarnings(io, warnings)
  io.stdout.write(renderPlanText(plan))
  return 0
}

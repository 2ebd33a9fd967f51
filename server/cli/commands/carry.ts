import { carryForward } from '../../../shared/plan/carryForward.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags, printWarnings } from './import.ts'

const USAGE = '用法: plan carry FILE [--years N]（FILE 为 .txt、.docx 或 Plan JSON）'

/** `plan carry FILE [--years N]`: next year's draft (same item ids, every item carried) as Plan JSON on stdout. */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['years'])
  checkFlags(flags, ['years'], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  const yearsFlag = flags.get('years')
  const years = yearsFlag === undefined ? 1 : Number(yearsFlag)
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new CliError(`--years 应为 1 到 10 的整数。${USAGE}`, 2)
  const { plan, warnings, format } = await readPlanFile(positional[0], io.stdin)
  // Warnings stored in Plan JSON were shown when it was made; only a fresh import has news.
  if (format !== 'plan-json') printWarnings(io, warnings)
  io.stdout.write(JSON.stringify(toPlanJson(carryForward(plan, { years })), null, 2) + '\n')
  return 0
}

import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { instantiateTemplate, listTemplates } from '../../templates/templates.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags } from './import.ts'

const USAGE = '用法: plan new --template NAME [--title 标题]，或 plan new --list 列出模板'

/** `plan new --template NAME [--title T]`: a new plan from a template as Plan JSON on stdout. */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['template', 'title'])
  checkFlags(flags, ['template', 'title', 'list'], USAGE)
  if (flags.has('list')) {
    for (const t of listTemplates()) io.stdout.write(`${t.name}\t${t.title}\t${t.description}\n`)
    return 0
  }
  const name = flags.get('template')
  const title = flags.get('title')
  if (typeof name !== 'string' || positional.length) {
    throw new CliError(
      `${USAGE}（可用的模板：${listTemplates()
        .map((t) => t.name)
        .join('、')}）`,
      2,
    )
  }
  const plan = instantiateTemplate(name, typeof title === 'string' && title.trim() ? title.trim() : undefined)
  io.stdout.write(JSON.stringify(toPlanJson(plan), null, 2) + '\n')
  return 0
}

import { PlanError } from '../../shared/plan/errors.ts'
import { CliError, type CliCommand, type CliIo } from './command.ts'

const COMMANDS = ['import', 'new', 'carry', 'render', 'diff', 'align', 'check', 'export', 'breakdown', 'user'] as const

const USAGE = `用法: plan <命令> [参数]
  import FILE [--json]          导入 .txt/.docx/Plan JSON，输出提纲或 Plan JSON
  new --template NAME           用模板新建计划（Plan JSON）
  carry FILE                    把计划结转为下一年度草稿（Plan JSON）
  render FILE                   输出正式纯文本
  diff OLD NEW [--json]         比较两份计划
  align DISTRICT MUNICIPAL [--json]  与市级计划对标
  check FILE [--json]           检查计划
  export FILE -o OUT.docx       导出公文格式 Word 文件
  breakdown FILE [--json] [--xlsx OUT] [--docx OUT]  任务分解表（牵头科室、配合科室、完成时限）
    [--ledger-xlsx OUT] [--ledger-docx OUT] [--reports REPORTS.json] [--today YYYY-MM-DD]  工作台账
  user add NAME --role admin|member --password PW   新建账号`

/** Runs one CLI command on the process's own streams; returns the exit code (plan.mjs sets it). */
export function main(argv: string[]): Promise<number> {
  // process.stdin is touched only when a command reads it (given "-"): opening it for every command
  // could keep a terminal session waiting.
  const stdin: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() }
  return runCli(argv, { stdout: process.stdout, stderr: process.stderr, stdin, env: process.env })
}

/**
 * Runs one CLI command with the given streams and returns the exit code; never throws. Errors print
 * one line on stderr, never a stack trace. Tests call it in-process (a process per call cost ~1 s).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv
  const fail = (message: string, exitCode: number): number => {
    io.stderr.write(`plan: ${message}\n`)
    return exitCode
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE + '\n')
    return name ? 0 : 2
  }
  if (!(COMMANDS as readonly string[]).includes(name)) return fail(`未知命令“${name}”。\n${USAGE}`, 2)
  try {
    // Each command lives in its own module so that commands can be added without touching this file's logic.
    const mod = (await import(`./commands/${name}.ts`)) as { command: CliCommand }
    return await mod.command(args, io)
  } catch (err) {
    if (err instanceof CliError) return fail(err.message, err.exitCode)
    if (err instanceof PlanError) return fail(`${err.message}（${err.code}）`, 1)
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail(`找不到文件：${(err as NodeJS.ErrnoException).path ?? ''}`, 1)
    if (code === 'EISDIR') return fail(`这是一个文件夹，不是文件：${(err as NodeJS.ErrnoException).path ?? ''}`, 1)
    if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(`commands/${name}.ts`)) return fail(`命令“${name}”尚未实现`, 2)
    return fail(`内部错误：${(err as Error).message}`, 70)
  }
}

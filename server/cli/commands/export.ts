import { exportDocx } from '../../export/exportDocx.ts'
import { writeFileAtomic } from '../../export/writeFileAtomic.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags, printWarnings } from './import.ts'

const USAGE = '用法: plan export FILE -o OUT.docx [--no-notice]（FILE 为 Plan JSON、.txt 或 .docx）'

/** `plan export FILE -o OUT.docx [--no-notice]`: the plan as a Word file in the official document layout. */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['o', 'output'])
  checkFlags(flags, ['o', 'output', 'no-notice'], USAGE)
  if (positional.length !== 1) throw new CliError(USAGE, 2)
  const out = flags.get('o') ?? flags.get('output')
  if (typeof out !== 'string' || !out.trim()) throw new CliError(`请用 -o 指定要写入的 .docx 文件。${USAGE}`, 2)
  if (!/\.docx$/i.test(out)) throw new CliError(`输出文件名应以 .docx 结尾：${out}`, 2)
  const { plan, warnings, format } = await readPlanFile(positional[0], io.stdin)
  if (format !== 'plan-json') printWarnings(io, warnings)
  const bytes = await exportDocx(plan, { notice: !flags.has('no-notice') })
  try {
    await writeFileAtomic(out, bytes)
  } catch (err) {
    throw new CliError(writeError(err, out), 1)
  }
  io.stdout.write(`已导出 ${out}\n`)
  return 0
}

/** A one-line Chinese reason why the output could not be written. */
export function writeError(err: unknown, out: string): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return `无法写入 ${out}：所在文件夹不存在`
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `无法写入 ${out}：没有写入权限`
  if (code === 'EISDIR') return `无法写入 ${out}：这是一个文件夹`
  if (code === 'ENOSPC') return `无法写入 ${out}：磁盘空间不足`
  return `无法写入 ${out}：${(err as Error).message}`
}

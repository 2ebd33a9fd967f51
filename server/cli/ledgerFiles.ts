import { readFile, stat } from 'node:fs/promises'
import type { ProgressReport } from '../../shared/breakdown/progress.ts'
import { parseReports } from '../../shared/breakdown/reportsFile.ts'
import { beijingDay } from '../../shared/breakdown/today.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { ledgerDocx, ledgerXlsx } from '../export/breakdown/ledger.ts'
import { CliError } from './command.ts'

/** Largest reports file read (20,000 reports with long notes fit well under it). */
export const MAX_REPORTS_FILE_BYTES = 32 * 1024 * 1024

/**
 * The progress reports for `plan breakdown --ledger-…`: a plan file holds none, so they come from a
 * JSON file (`--reports`, e.g. saved from GET /api/documents/:id/progress); without one every item
 * is 未填报 and the 台账 is a blank form to fill in.
 */
export async function readReportsFile(path: string | undefined): Promise<ProgressReport[]> {
  if (path === undefined) return []
  const info = await stat(path)
  if (info.isDirectory()) throw new CliError(`这是一个文件夹，不是填报文件：${path}`)
  if (info.size > MAX_REPORTS_FILE_BYTES) throw new CliError(`填报文件太大（上限 ${MAX_REPORTS_FILE_BYTES / 1024 / 1024} MB）：${path}`)
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    throw new CliError(`填报文件不是有效的 JSON：${path}`)
  }
  const read = parseReports(value)
  if ('error' in read) throw new CliError(`${read.error}（${path}）`)
  return read.reports
}

/** The day overdue items are judged against: `--today YYYY-MM-DD`, else today in Beijing. */
export function ledgerToday(flag: string | true | undefined): string {
  if (flag === undefined) return beijingDay()
  if (typeof flag !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(flag) || Number.isNaN(Date.parse(`${flag}T00:00:00Z`))) throw new CliError(`--today 应是日期，如 2025-07-01：${String(flag)}`, 2)
  return flag
}

/** The 台账 file in one format: the same rows as the web page and the server's download. */
export function ledgerFile(format: 'xlsx' | 'docx', plan: Plan, reports: readonly ProgressReport[], today: string): Promise<Uint8Array> {
  return format === 'xlsx' ? ledgerXlsx(plan, reports, today) : ledgerDocx(plan, reports, today)
}

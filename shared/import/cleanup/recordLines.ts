import { foldTraditional } from './traditional.ts'

/**
 * The 版记 printed under an official document: 抄送 / 抄报 lines and the "…办公室 2025年2月21日印发"
 * line. They name who else received the paper copy and when it was printed, and are not part of the plan.
 */
const RECORD = /^(?:(?:抄送|抄报|分送|报送)\s*[:：].*|.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发|(?:共印|印)\s*\d+\s*份)$/

/** Removes 版记 lines from the end of the text (blank lines between them are kept out too). */
export function removeRecordLines(lines: string[]): { lines: string[]; removed: number } {
  let end = lines.length
  let removed = 0
  while (end > 0) {
    const line = lines[end - 1].trim()
    if (line && !RECORD.test(foldTraditional(line))) break
    if (line) removed++
    end--
  }
  return removed ? { lines: lines.slice(0, end), removed } : { lines, removed: 0 }
}

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { BreakdownRow } from '../../../shared/breakdown/table.ts'
import { runCli } from './runCli.ts'

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-breakdown-'))
const TEXT = `2025年某区教育工作要点

一、坚持党建引领
1.加强机关党建。落实“三会一课”制度。（责任科室：组干科、机关党委）
2.深化清廉学校建设。开展廉洁文化进校园活动。
二、办好人民满意教育
3.推进学前教育普惠发展。新增普惠性托位300个。（牵头单位：基教科；配合单位：计财科；完成时限：第二季度）
`
const file = join(dir, 'plan.txt')
writeFileSync(file, TEXT)

describe('plan breakdown', () => {
  it('prints a line per item with its departments and deadline, and counts what is missing', async () => {
    const run = await runCli(['breakdown', file])
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines[0]).toBe('2025年某区教育工作要点任务分解表')
    expect(lines[1]).toBe('第1条 加强机关党建。｜牵头：组干科、机关党委｜时限：（未填）')
    expect(lines[3]).toBe('第3条 推进学前教育普惠发展。｜牵头：基教科｜配合：计财科｜时限：第二季度（季度）')
    expect(lines.at(-1)).toBe('共 3 条；未填牵头科室 1 条，未填完成时限 2 条')
  })

  it('gives the rows as JSON with --json and writes .xlsx and .docx files', async () => {
    const xlsx = join(dir, 'out.xlsx')
    const docx = join(dir, 'out.docx')
    const run = await runCli(['breakdown', file, '--json', '--xlsx', xlsx, '--docx', docx])
    expect(run.code).toBe(0)
    const { rows } = JSON.parse(run.stdout) as { rows: BreakdownRow[] }
    expect(rows.map((r) => [r.number, r.lead, r.deadline])).toEqual([
      [1, ['组干科', '机关党委'], ''],
      [2, [], ''],
      [3, ['基教科'], '第二季度'],
    ])
    expect(run.stderr).toContain(`已导出 ${xlsx}`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(xlsx) as unknown as Parameters<typeof book.xlsx.load>[0])
    expect(book.getWorksheet('任务分解表')?.rowCount).toBe(4)
    const xml = (await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('任务分解表')
  })

  it('refuses a wrong output name or a missing file with one line and a non-zero exit, writing nothing', async () => {
    const wrong = await runCli(['breakdown', file, '--xlsx', join(dir, 'x.docx')])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^plan: --xlsx 的输出文件名应以 \.xlsx 结尾/)
    expect(existsSync(join(dir, 'x.docx'))).toBe(false)
    const missing = await runCli(['breakdown', join(dir, 'nope.txt')])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    const noDir = await runCli(['breakdown', file, '--docx', join(dir, 'no', 'such', 'out.docx')])
    expect(noDir.code).toBe(1)
    expect(noDir.stderr).toContain('所在文件夹不存在')
  })
})

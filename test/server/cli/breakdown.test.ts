import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { BreakdownRow } from '../../../shared/breakdown/table.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { breakdownPlan } from '../export/breakdownPlan.ts'
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

  describe('the 工作台账 (--ledger-xlsx / --ledger-docx)', () => {
    // Items i0 … i5 of a 2025 plan: i0 due 2025年6月底, i1 第二季度 (both 2025-06-30), i4 长期.
    const planFile = join(dir, 'plan.json')
    writeFileSync(planFile, JSON.stringify(toPlanJson(breakdownPlan(6))))
    const reports = [
      { itemId: 'i0', quarter: 1, status: 'in-progress', note: '已召开专题会议', at: '2025-03-20T09:00:00+08:00', by: { name: '李娜', department: '德育科' } },
      { itemId: 'i1', quarter: 2, status: 'difficult', note: '经费未到位', at: '2025-05-06', by: '王强' },
      { itemId: 'gone', quarter: 2, status: 'done', at: '2025-05-06' },
    ]

    it('writes the 台账 with the reports of a JSON file, judged against --today, the same rows as the web page', async () => {
      const reportsFile = join(dir, 'progress.json')
      // The shape GET /api/documents/:id/progress answers.
      writeFileSync(reportsFile, JSON.stringify({ reports, reportable: [] }))
      const xlsx = join(dir, 'ledger.xlsx')
      const docx = join(dir, 'ledger.docx')
      const run = await runCli(['breakdown', planFile, '--ledger-xlsx', xlsx, '--ledger-docx', docx, '--reports', reportsFile, '--today', '2025-07-01'])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stderr).toContain('注意：填报文件中有 1 条记录的条目不在这份计划中')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(readFileSync(xlsx) as unknown as Parameters<typeof book.xlsx.load>[0])
      const sheet = book.getWorksheet('台账')
      expect(sheet?.rowCount).toBe(7)
      const row = (n: number): string[] => ((sheet?.getRow(n + 1).values ?? []) as unknown[]).slice(1).map((v) => String(v ?? ''))
      expect(row(1)[5]).toBe('推进中：已召开专题会议\n德育科 3月20日')
      expect(row(1).at(-2)).toBe('已逾期（推进中）')
      expect(row(2)[6]).toBe('有困难：经费未到位\n王强 5月6日')
      expect(row(2).at(-2)).toBe('已逾期（有困难）')
      expect(row(5).at(-2)).toBe('未填报')
      expect(book.getWorksheet('填报记录')?.rowCount).toBe(4)
      const xml = (await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')?.async('string')) ?? ''
      expect(xml).toContain('工作台账')
      expect(xml).toContain('已逾期（有困难）')
      // On the last day, neither is overdue yet.
      const before = join(dir, 'ledger-before.xlsx')
      expect((await runCli(['breakdown', planFile, '--ledger-xlsx', before, '--reports', reportsFile, '--today', '2025-06-30'])).code).toBe(0)
      const early = new ExcelJS.Workbook()
      await early.xlsx.load(readFileSync(before) as unknown as Parameters<typeof early.xlsx.load>[0])
      expect([2, 3].map((n) => String(early.getWorksheet('台账')?.getRow(n).getCell(10).value))).toEqual(['推进中', '有困难'])
    })

    it('writes a blank 台账 (every item 未填报) without a reports file', async () => {
      const xlsx = join(dir, 'blank.xlsx')
      expect((await runCli(['breakdown', planFile, '--ledger-xlsx', xlsx, '--today', '2025-01-02'])).code).toBe(0)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(readFileSync(xlsx) as unknown as Parameters<typeof book.xlsx.load>[0])
      const states = Array.from({ length: 6 }, (_, i) =>
        String(
          book
            .getWorksheet('台账')
            ?.getRow(i + 2)
            .getCell(10).value,
        ),
      )
      expect(states).toEqual(Array(6).fill('未填报'))
    })

    it('refuses a bad reports file, a bad --today and --reports without a 台账 output, with one line and a non-zero exit', async () => {
      const out = join(dir, 'refused.xlsx')
      const cases: Array<[string, unknown, RegExp]> = [
        ['not-json.json', '{报告', /填报文件不是有效的 JSON/],
        ['object.json', { items: [] }, /填报文件应是填报记录的数组/],
        ['quarter.json', [{ ...reports[0], quarter: 5 }], /填报文件第 1 条无效：季度 quarter 只能是 1、2、3 或 4/],
        ['status.json', [reports[0], { ...reports[1], status: '完成' }], /填报文件第 2 条无效：状态 status/],
        ['at.json', [{ ...reports[0], at: '上周' }], /填报时间 at 应是日期或时间/],
      ]
      for (const [name, content, message] of cases) {
        const path = join(dir, name)
        writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
        const run = await runCli(['breakdown', planFile, '--ledger-xlsx', out, '--reports', path])
        expect(run.code, name).toBe(1)
        expect(run.stderr, name).toMatch(message)
        expect(run.stderr.trim().split('\n'), name).toHaveLength(1)
      }
      const missing = await runCli(['breakdown', planFile, '--ledger-xlsx', out, '--reports', join(dir, 'nope.json')])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toMatch(/^plan: 找不到文件/)
      const today = await runCli(['breakdown', planFile, '--ledger-xlsx', out, '--today', '2025-13-45'])
      expect(today.code).toBe(2)
      expect(today.stderr).toMatch(/^plan: --today 应是日期/)
      const alone = await runCli(['breakdown', planFile, '--reports', join(dir, 'progress.json')])
      expect(alone.code).toBe(2)
      expect(alone.stderr).toMatch(/^plan: --reports 和 --today 只用于工作台账/)
      const wrongName = await runCli(['breakdown', planFile, '--ledger-docx', join(dir, 'x.xlsx')])
      expect(wrongName.code).toBe(2)
      expect(wrongName.stderr).toMatch(/--ledger-docx 的输出文件名应以 \.docx 结尾/)
      expect(existsSync(out)).toBe(false)
    })
  })
})

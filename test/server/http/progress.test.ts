import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { DepartmentTasksResponse, ProgressResponse } from '../../../shared/api/breakdown.ts'
import { LEDGER_STATUS_LABELS, type LedgerResponse } from '../../../shared/breakdown/ledger.ts'
import type { ProgressReport } from '../../../shared/breakdown/progress.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { breakdownPlan } from '../export/breakdownPlan.ts'
import { download } from './exportDownload.ts'

type ErrorBody = { error: { code: string; message: string } }

/**
 * A server with the 12-item 2025 plan and 李娜 of 德育科 as a viewer. In that plan 德育科 leads items
 * 2 and 10 (i1, i9) and supports item 8 (i7); 计财科 leads item 3 (i2).
 */
async function setUp(): Promise<{ server: TestServer; docId: string; token: string; userId: string }> {
  const server = await startTestServer()
  const doc = await server.createDocument(undefined, breakdownPlan(12))
  const { user, token } = await server.createUser('lina')
  await server.share(doc.id, user.id, 'viewer')
  expect((await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { department: '德育科' } })).status).toBe(200)
  return { server, docId: doc.id, token, userId: user.id }
}

describe('progress reports on 任务分解 items', () => {
  it('lets a member of the lead or supporting 科室 report per quarter, stamps who and when on the server, and keeps every report', async () => {
    const { server, docId, token, userId } = await setUp()
    const before = await server.api<ProgressResponse>('GET', `/api/documents/${docId}/progress`, { token })
    expect(before.body).toEqual({ reports: [], reportable: ['i1', 'i7', 'i9'] })
    const path = `/api/documents/${docId}/progress`
    // What the client claims about who and when is ignored.
    const first = await server.api<ProgressReport>('POST', path, { token, body: { itemId: 'i1', quarter: 2, status: 'in-progress', note: '已完成 12 所学校调研', by: { id: 'admin' }, at: '2020-01-01' } })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ itemId: 'i1', quarter: 2, status: 'in-progress', note: '已完成 12 所学校调研', year: 2025, by: { id: userId, name: 'lina', department: '德育科' } })
    expect(Date.now() - Date.parse(first.body.at)).toBeLessThan(60_000)
    const second = await server.api<ProgressReport>('POST', path, { token, body: { itemId: 'i1', quarter: 2, status: 'done', note: '全部完成' } })
    expect(second.status).toBe(201)
    expect((await server.api('POST', path, { token, body: { itemId: 'i7', quarter: 3, status: 'difficult', note: '经费未到位' } })).status).toBe(201)
    const after = await server.api<ProgressResponse>('GET', path, { token })
    expect(after.body.reports.map((r) => [r.itemId, r.quarter, r.status])).toEqual([
      ['i1', 2, 'in-progress'],
      ['i1', 2, 'done'],
      ['i7', 3, 'difficult'],
    ])
  })

  it('refuses a report on an item the user’s 科室 neither leads nor supports, a missing item and a bad quarter or status, in Chinese; an owner reports on any item', async () => {
    const { server, docId, token } = await setUp()
    const path = `/api/documents/${docId}/progress`
    const notOurs = await server.api<ErrorBody>('POST', path, { token, body: { itemId: 'i2', quarter: 1, status: 'done', note: '' } })
    expect(notOurs.status).toBe(403)
    expect(notOurs.body.error).toEqual({ code: 'not-your-item', message: '只有本条牵头或配合科室的成员（或文档所有者）可以填报进展' })
    const missing = await server.api<ErrorBody>('POST', path, { token, body: { itemId: 'gone', quarter: 1, status: 'done', note: '' } })
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toMatch(/没有这一条/)
    for (const body of [
      { itemId: 'i1', quarter: 5, status: 'done', note: '' },
      { itemId: 'i1', quarter: '1', status: 'done', note: '' },
      { itemId: 'i1', quarter: 1, status: '完成', note: '' },
      { itemId: 'i1', quarter: 1, status: 'done', note: '字'.repeat(1001) },
    ]) {
      const bad = await server.api<ErrorBody>('POST', path, { token, body })
      expect(bad.status, JSON.stringify(body).slice(0, 60)).toBe(400)
      expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    const { token: outsider } = await server.createUser('wangwu')
    expect((await server.api('POST', path, { token: outsider, body: { itemId: 'i1', quarter: 1, status: 'done', note: '' } })).status).toBeGreaterThanOrEqual(403)
    const owner = await server.api<ProgressReport>('POST', path, { token: server.admin.token, body: { itemId: 'i2', quarter: 1, status: 'not-started', note: '待计财科落实' } })
    expect(owner.status).toBe(201)
    expect((await server.api<ProgressResponse>('GET', path, { token: server.admin.token })).body.reportable).toHaveLength(12)
  })

  it('exports the 台账 as .xlsx with each quarter’s latest report and overdue items marked, and as landscape .docx', async () => {
    const { server, docId, token } = await setUp()
    const path = `/api/documents/${docId}/progress`
    await server.api('POST', path, { token, body: { itemId: 'i1', quarter: 2, status: 'in-progress', note: '调研中' } })
    await server.api('POST', path, { token, body: { itemId: 'i1', quarter: 2, status: 'done', note: '全部完成' } })
    await server.api('POST', path, { token, body: { itemId: 'i7', quarter: 1, status: 'difficult', note: '经费未到位' } })
    const xlsx = await download(server.url, `/api/documents/${docId}/ledger.xlsx`, token)
    expect(xlsx.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(xlsx.bytes) as unknown as Parameters<typeof book.xlsx.load>[0])
    const sheet = book.getWorksheet('台账')
    if (!sheet) throw new Error('no sheet 台账')
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(['序号', '重点任务', '牵头科室', '配合科室', '完成时限', '第一季度', '第二季度', '第三季度', '第四季度', '当前状态', '截止日期'])
    expect(sheet.rowCount).toBe(13)
    const cell = (row: number, name: string): unknown => sheet.getRow(row).getCell(header.indexOf(name) + 1).value
    // Item 2 (第二季度, due 2025-06-30): the later Q2 report wins and, being 已完成, it is not overdue.
    expect(cell(3, '第二季度')).toMatch(/^已完成：全部完成\n德育科 \d{1,2}月\d{1,2}日$/)
    expect(cell(3, '当前状态')).toBe('已完成')
    // Item 1 (2025年6月底) has no report and its deadline has passed.
    expect(cell(2, '当前状态')).toBe('已逾期（未填报）')
    expect(sheet.getRow(2).getCell(1).fill).toMatchObject({ pattern: 'solid' })
    expect(cell(9, '第一季度')).toMatch(/^有困难：经费未到位/)
    expect(book.getWorksheet('填报记录')?.rowCount).toBe(4)

    // The 台账 page's rows (GET …/ledger) are the file's rows: same items, states and overdue marks.
    const page = await server.api<LedgerResponse>('GET', `/api/documents/${docId}/ledger`, { token })
    expect(page.status).toBe(200)
    expect(page.body.title).toBe('2025年某区教育工作要点工作台账')
    expect(page.body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(page.body.rows.map((r) => [r.number, r.overdue ? `已逾期（${LEDGER_STATUS_LABELS[r.status]}）` : LEDGER_STATUS_LABELS[r.status]])).toEqual(
      page.body.rows.map((r) => [r.number, cell(r.number + 1, '当前状态')]),
    )
    expect(page.body.rows[1]).toMatchObject({ itemId: 'i1', status: 'done', overdue: false, latest: { note: '全部完成', by: { department: '德育科' } } })
    expect((await server.api('GET', `/api/documents/${docId}/ledger`, {})).status).toBe(401)

    const docx = await download(server.url, `/api/documents/${docId}/ledger.docx`, token)
    expect(docx.status).toBe(200)
    expect(docx.contentType).toContain('wordprocessingml')
    const xml = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/)
    expect(xml).toContain('2025年某区教育工作要点工作台账')
    expect(xml).toContain('已逾期（未填报）')
    expect(xml).toContain('已完成：全部完成')
  })
  it('accepts reports on a 定稿 plan without touching its text', async () => {
    const { server, docId, token } = await setUp()
    const owner = server.admin.token
    for (const status of ['consultation', 'review', 'final']) expect((await server.api('POST', `/api/documents/${docId}/status`, { token: owner, body: { status } })).status).toBe(200)
    const before = await server.api('GET', `/api/documents/${docId}/plan`, { token })
    expect((await server.api('POST', `/api/documents/${docId}/progress`, { token, body: { itemId: 'i1', quarter: 1, status: 'in-progress', note: '已启动' } })).status).toBe(201)
    expect((await server.api('GET', `/api/documents/${docId}/plan`, { token })).body).toEqual(before.body)
    expect((await server.api<{ status: string }>('GET', `/api/documents/${docId}/status`, { token })).body.status).toBe('final')
  })
})

describe('本科室任务', () => {
  it('lists the items the user’s 科室 leads or supports across the plans they may open, with deadlines and the latest report', async () => {
    const { server, docId, token } = await setUp()
    // A second plan the user may not open is not listed, whatever its departments.
    await server.createDocument(undefined, breakdownPlan(12))
    await server.api('POST', `/api/documents/${docId}/progress`, { token, body: { itemId: 'i9', quarter: 4, status: 'in-progress', note: '推进中' } })
    const mine = await server.api<DepartmentTasksResponse>('GET', '/api/me/tasks', { token })
    expect(mine.status).toBe(200)
    expect(mine.body.department).toBe('德育科')
    expect(mine.body.count).toBe(3)
    expect(mine.body.plans).toHaveLength(1)
    expect(mine.body.plans[0]).toMatchObject({ documentId: docId, title: '2025年某区教育工作要点', status: 'drafting' })
    expect(mine.body.plans[0].tasks.map((t) => [t.number, t.role, t.deadline])).toEqual([
      [2, 'lead', '第二季度'],
      [8, 'support', '按上级要求'],
      [10, 'lead', '第二季度'],
    ])
    expect(mine.body.plans[0].tasks[2].latest).toMatchObject({ status: 'in-progress', quarter: 4 })
    expect(mine.body.plans[0].tasks[0]).toMatchObject({ due: '2025-06-30', overdue: true })
    const none = await server.api<DepartmentTasksResponse>('GET', '/api/me/tasks', { token: server.admin.token })
    expect(none.body).toEqual({ department: null, plans: [], count: 0 })
  })
})

describe('plan export with 任务分解 options', () => {
  it('prints the fields after each item and attaches the 任务分解表 when asked, and refuses a bad flag in Chinese', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument(undefined, breakdownPlan(12))
    const token = server.admin.token
    const plain = await download(server.url, `/api/documents/${doc.id}/export.docx?notice=0`, token)
    const xmlOf = async (bytes: Uint8Array): Promise<string> => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
    expect(await xmlOf(plain.bytes)).not.toContain('牵头科室：')
    const both = await download(server.url, `/api/documents/${doc.id}/export.docx?notice=0&fields=1&table=1`, token)
    expect(both.status).toBe(200)
    const xml = await xmlOf(both.bytes)
    expect(xml.match(/（牵头科室：/g)).toHaveLength(12)
    expect(xml).toContain('2025年某区教育工作要点任务分解表')
    expect(xml).toMatch(/w:orient="landscape"/)
    const bad = await download(server.url, `/api/documents/${doc.id}/export.docx?fields=2`, token)
    expect(bad.status).toBe(400)
    expect(bad.error?.message).toBe('fields 参数只能是 1（在每条后打印任务分解）或 0（不在每条后打印任务分解）')
  })
})

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readBreakdowns, setBreakdown } from '../../../shared/breakdown/store.ts'
import type { BreakdownRow } from '../../../shared/breakdown/table.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { breakdownPlan } from '../export/breakdownPlan.ts'
import { dispositionName, download } from './exportDownload.ts'

async function xlsxRows(bytes: Uint8Array): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook()
  // exceljs types its input as the older Node Buffer.
  await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0])
  const rows: unknown[][] = []
  book.getWorksheet('任务分解表')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
  return rows
}

describe('GET /api/documents/:id/breakdown(.docx|.xlsx)', () => {
  it('serves the live fields: a department set by a collaborator a moment ago is in the .xlsx, the .docx and the rows', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument(undefined, breakdownPlan(12))
    const token = server.admin.token
    const editor = await connectClient(server, doc.id, token)
    setBreakdown(editor.doc, 'i1', { lead: ['新设科室'], deadline: '第三季度' }, { by: 'admin' })
    // A second client seeing the record means the server has applied it.
    const watcher = await connectClient(server, doc.id, token)
    await waitForDoc(watcher.doc, (d) => readBreakdowns(d).get('i1')?.lead?.[0] === '新设科室')
    const rows = (await server.api('GET', `/api/documents/${doc.id}/breakdown`, { token })).body as { title: string; rows: BreakdownRow[] }
    expect(rows.title).toBe('2025年某区教育工作要点任务分解表')
    expect(rows.rows).toHaveLength(12)
    expect(rows.rows[1]).toMatchObject({ number: 2, lead: ['新设科室'], deadline: '第三季度', deadlineKind: 'quarter', due: '2025-09-30' })

    const xlsx = await download(server.url, `/api/documents/${doc.id}/breakdown.xlsx`, token)
    expect(xlsx.status).toBe(200)
    expect(xlsx.contentType).toContain('spreadsheetml')
    expect(dispositionName(xlsx.disposition)).toBe('2025年某区教育工作要点任务分解表.xlsx')
    const sheet = await xlsxRows(xlsx.bytes)
    expect(sheet).toHaveLength(13)
    expect(sheet[2].slice(0, 4)).toEqual([2, '第2项重点任务要加强统筹推进。', expect.any(String), '新设科室'])

    const docx = await download(server.url, `/api/documents/${doc.id}/breakdown.docx`, token)
    expect(docx.status).toBe(200)
    expect(docx.contentType).toContain('wordprocessingml')
    expect(dispositionName(docx.disposition)).toBe('2025年某区教育工作要点任务分解表.docx')
    editor.close()
    watcher.close()
  })

  it('answers 404 in Chinese for a document that does not exist and refuses a user without a role on it', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const missing = await download(server.url, '/api/documents/nope/breakdown.xlsx', server.admin.token)
    expect(missing.status).toBe(404)
    expect(missing.error?.message).toMatch(/[\u4e00-\u9fff]/)
    const { token } = await server.createUser('lisi')
    const refused = await download(server.url, `/api/documents/${doc.id}/breakdown.docx`, token)
    expect([403, 404]).toContain(refused.status)
    expect(refused.error?.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('an imported text plan with responsibility notes gives a document whose 任务分解表 has them, and no note in its text', async () => {
    const server = await startTestServer()
    const text = '2025年某区教育工作要点\n\n一、坚持党建引领\n1.加强机关党建。落实“三会一课”制度。（牵头单位：组干科；配合单位：机关党委；完成时限：2025年6月底）\n2.深化清廉学校建设。开展廉洁文化进校园活动。\n'
    const base64 = Buffer.from(text, 'utf8').toString('base64')
    const created = await server.api('POST', '/api/documents', { token: server.admin.token, body: { import: { filename: 'plan.txt', base64 } } })
    expect(created.status).toBe(201)
    const id = (created.body as { document: { id: string } }).document.id
    const rows = (await server.api('GET', `/api/documents/${id}/breakdown`, { token: server.admin.token })).body as { rows: BreakdownRow[] }
    expect(rows.rows.map((r) => [r.lead, r.support, r.deadline, r.due])).toEqual([
      [['组干科'], ['机关党委'], '2025年6月底', '2025-06-30'],
      [[], [], '', undefined],
    ])
    expect(rows.rows[0].measures).toBe('落实“三会一课”制度。')
  })
})

import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo, VersionInfo } from '../../../shared/api/types.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { officialText } from '../../../server/export/officialText.ts'
import { importDocx } from '../../../server/import/docx.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { child, exportedParts, paragraphs } from '../export/exportedParts.ts'
import { dispositionName, download } from './exportDownload.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The texts of the body paragraphs of an export (line breaks of a shaped title removed). */
async function texts(bytes: Uint8Array): Promise<string[]> {
  return paragraphs((await exportedParts(bytes)).body).map((p) => p.text.replace(/\n/g, ''))
}

describe('GET /api/documents/:id/export.docx', () => {
  let server: TestServer
  let doc: DocumentInfo
  let plan: Plan
  beforeAll(async () => {
    server = await startTestServer()
    plan = districtSeed()
    doc = await server.createDocument(server.admin.token, plan)
  })

  it('downloads the plan as a .docx named after its title, with every item and the GB/T 9704 page setup', async () => {
    const res = await download(server.url, `/api/documents/${doc.id}/export.docx`, server.admin.token)
    expect(res.status).toBe(200)
    expect(res.contentType).toBe(DOCX)
    expect(res.disposition).toMatch(/^attachment; filename\*=UTF-8''/)
    expect(dispositionName(res.disposition)).toBe('2021年下半年闵行教育工作要点.docx')
    expect(Array.from(res.bytes.subarray(0, 2))).toEqual([0x50, 0x4b])

    const parts = await exportedParts(res.bytes)
    expect(child(parts.sectPr, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(child(parts.sectPr, 'w:pgMar')?.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' })
    const shown = paragraphs(parts.body).map((p) => p.text.replace(/\n/g, ''))
    expect(shown).toContain('2021年下半年闵行教育工作要点')
    const items = allItems(plan)
    expect(items).toHaveLength(30)
    items.forEach((item, i) => {
      const line = shown.find((t) => t.startsWith(`${i + 1}.`))
      expect(line, `item ${i + 1}`).toBeDefined()
      expect(line).toContain(officialText(item.title))
      expect(line).toContain(officialText(item.body.split('\n')[0]).slice(0, 20))
    })
  })

  it('starts with the cover notice by default and leaves it out with notice=0', async () => {
    const withNotice = await texts((await download(server.url, `/api/documents/${doc.id}/export.docx?notice=1`, server.admin.token)).bytes)
    expect(withNotice[0]).toBe('关于印发《2021年下半年闵行教育工作要点》的通知')
    expect(withNotice).toContain('附件')
    const alone = await texts((await download(server.url, `/api/documents/${doc.id}/export.docx?notice=0`, server.admin.token)).bytes)
    expect(alone[0]).toBe('2021年下半年闵行教育工作要点')
    expect(alone.some((t) => t.startsWith('关于印发') || t === '附件' || t.startsWith('附件：') || t.startsWith('各学校'))).toBe(false)
    expect(alone.filter((t) => /^\d+\./.test(t))).toEqual(withNotice.filter((t) => /^\d+\./.test(t)))
  })

  it('refuses a notice parameter other than 1 or 0 with a Chinese sentence', async () => {
    const res = await download(server.url, `/api/documents/${doc.id}/export.docx?notice=yes`, server.admin.token)
    expect(res.status).toBe(400)
    expect(res.error?.message).toMatch(/notice 参数只能是 1/)
  })

  it('exports an edit a connected client has just made: the export reads the live document', async () => {
    const editor = await connectClient(server, doc.id, server.admin.token)
    const watcher = await connectClient(server, doc.id, server.admin.token)
    textIn(editor.doc, 'itemTitle', 0).insert(0, '（导出前刚改）')
    // The server broadcasts only stored changes: once the watcher has it, the server has it.
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('（导出前刚改）'))
    const shown = await texts((await download(server.url, `/api/documents/${doc.id}/export.docx?notice=0`, server.admin.token)).bytes)
    expect(shown.find((t) => t.startsWith('1.'))).toMatch(/^1\.（导出前刚改）做好秋季开学和常态化疫情防控。/)
    editor.close()
    watcher.close()
  })

  it('lets viewers and reviewers export, refuses users without a role (403) and unknown documents (404)', async () => {
    const viewer = await server.createUser('export-viewer')
    const reviewer = await server.createUser('export-reviewer')
    const stranger = await server.createUser('export-stranger')
    await server.share(doc.id, viewer.user.id, 'viewer')
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    for (const who of [viewer, reviewer]) expect((await download(server.url, `/api/documents/${doc.id}/export.docx`, who.token)).status).toBe(200)

    const refused = await download(server.url, `/api/documents/${doc.id}/export.docx`, stranger.token)
    expect([refused.status, refused.error?.message]).toEqual([403, '您没有访问此文档的权限'])
    const unknown = await download(server.url, `/api/documents/dnothere/export.docx`, server.admin.token)
    expect([unknown.status, unknown.error?.message]).toEqual([404, '文档不存在'])
    const anonymous = await download(server.url, `/api/documents/${doc.id}/export.docx`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.error?.message).toMatch(/登录/)
  })

  it('names the file after the document when the plan has no title, without characters file systems refuse', async () => {
    const untitled = await server.createDocument(server.admin.token, { ...districtSeed(), title: '' })
    const named = await download(server.url, `/api/documents/${untitled.id}/export.docx`, server.admin.token)
    expect(named.status).toBe(200)
    expect(dispositionName(named.disposition)).toBe(`${untitled.title}.docx`)
    const odd = await server.createDocument(server.admin.token, { ...districtSeed(), title: '2025年/闵行:教育"工作"要点(草稿)' })
    const res = await download(server.url, `/api/documents/${odd.id}/export.docx`, server.admin.token)
    expect(dispositionName(res.disposition)).toBe('2025年 闵行 教育 工作 要点（草稿）.docx')
    expect(res.disposition?.split("UTF-8''")[1]).not.toMatch(/[()'*"\s]/)
  })
})

describe('GET /api/documents/:id/versions/:vid/export.docx', () => {
  it("exports the version's text, named with the version, while the document export has the later edit", async () => {
    const server = await startTestServer()
    const token = server.admin.token
    const doc = await server.createDocument(token)
    const base = `/api/documents/${doc.id}`
    const saved = await server.api<VersionInfo>('POST', `${base}/versions`, { token, body: { name: '征求意见稿' } })
    expect(saved.status).toBe(201)

    const editor = await connectClient(server, doc.id, token)
    const watcher = await connectClient(server, doc.id, token)
    textIn(editor.doc, 'itemTitle', 1).insert(0, '（送审前修改）')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 1).toString().startsWith('（送审前修改）'))

    const version = await download(server.url, `${base}/versions/${saved.body.id}/export.docx?notice=0`, token)
    expect(version.status).toBe(200)
    expect(dispositionName(version.disposition)).toBe('2021年下半年闵行教育工作要点（征求意见稿）.docx')
    expect((await texts(version.bytes)).find((t) => t.startsWith('2.'))).toMatch(/^2\.加强学校安全管理。/)
    const current = await download(server.url, `${base}/export.docx?notice=0`, token)
    expect((await texts(current.bytes)).find((t) => t.startsWith('2.'))).toMatch(/^2\.（送审前修改）加强学校安全管理。/)

    const missing = await download(server.url, `${base}/versions/vnothere/export.docx`, token)
    expect([missing.status, missing.error?.message]).toEqual([404, '版本不存在'])
    const stranger = await server.createUser('version-stranger')
    expect((await download(server.url, `${base}/versions/${saved.body.id}/export.docx`, stranger.token)).status).toBe(403)
    editor.close()
    watcher.close()
  })
})

describe('exports of drafts', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })

  it('exports a draft from the district template (empty items, drafting guidance) without printing any guidance', async () => {
    const created = await server.api<{ document: DocumentInfo }>('POST', '/api/documents', { token: server.admin.token, body: { template: 'district-annual' } })
    expect(created.status).toBe(201)
    const id = created.body.document.id
    const plan = (await server.api<{ sections: { guidance?: string }[] }>('GET', `/api/documents/${id}/plan`, { token: server.admin.token })).body
    const guidance = plan.sections.map((s) => s.guidance ?? '').filter(Boolean)
    expect(guidance.length).toBeGreaterThan(5)

    const res = await download(server.url, `/api/documents/${id}/export.docx`, server.admin.token)
    expect(res.status).toBe(200)
    const xml = (await (await JSZip.loadAsync(res.bytes)).file('word/document.xml')?.async('string')) ?? ''
    for (const note of guidance) expect(xml).not.toContain(officialText(note).slice(0, 12))
    expect(xml).not.toMatch(/写作提示|guidance/)
    const back = await importDocx(res.bytes)
    expect(back.plan.sections.map((s) => s.heading)).toEqual((await server.api<Plan>('GET', `/api/documents/${id}/plan`, { token: server.admin.token })).body.sections.map((s) => s.heading))
  })

  it('exports a draft carried forward from last year (items marked carried) with the same items as the source', async () => {
    const source = await server.createDocument(server.admin.token, districtSeed())
    const carried = await server.api<{ document: DocumentInfo }>('POST', '/api/documents', { token: server.admin.token, body: { carryFrom: source.id } })
    expect(carried.status).toBe(201)
    const res = await download(server.url, `/api/documents/${carried.body.document.id}/export.docx`, server.admin.token)
    expect(res.status).toBe(200)
    expect(dispositionName(res.disposition)).toBe('2022年下半年闵行教育工作要点.docx')
    const back = (await importDocx(res.bytes)).plan
    expect(back.title).toBe('2022年下半年闵行教育工作要点')
    expect(allItems(back).map((i) => i.title)).toEqual(allItems(districtSeed()).map((i) => i.title))
    // The carried draft has not been issued: no date under the notice or the plan.
    expect(back.notice?.date).toBeUndefined()
  })
})

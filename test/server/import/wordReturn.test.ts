import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../../shared/api/types.ts'
import { readPlan, replacePlan } from '../../../shared/collab/ydoc.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import { commentAnchorsIn } from '../../../shared/review/commentsInDoc.ts'
import { readThreads } from '../../../shared/review/commentsStore.ts'
import { scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { readStamps } from '../../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../../shared/review/suggestYdoc.ts'
import type { WordReturnSummary } from '../../../shared/review/wordReturnTypes.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { DEPARTMENT_EDITS as EDITS, exportedPlan, libreOfficeMissing, reviseInLibreOffice } from '../../utils/wordReturnFile.ts'
import { download } from '../http/exportDownload.ts'

async function postReturn(server: TestServer, docId: string, token: string, body: Uint8Array, type = 'application/octet-stream'): Promise<{ status: number; body: WordReturnSummary & ApiError }> {
  const res = await fetch(`${server.url}/api/documents/${docId}/word-return`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: new Uint8Array(body) })
  return { status: res.status, body: (await res.json()) as WordReturnSummary & ApiError }
}

const skip = libreOfficeMissing()

describe.skipIf(skip)('importing a .docx LibreOffice revised from our export', () => {
  it('places each revision and comment on the right item of a draft that moved items and renumbered since', { timeout: 120_000 }, async () => {
    const server = await startTestServer({ seed: false })
    const doc = await server.createDocument(server.admin.token, exportedPlan())
    const { user: editor, token } = await server.createUser('lisi')
    await server.share(doc.id, editor.id, 'editor')
    const exported = await download(server.url, `/api/documents/${doc.id}/export.docx`, token)
    expect(exported.status).toBe(200)

    const returned = await reviseInLibreOffice(exported.bytes, EDITS)

    // Meanwhile the office moved 保障校园安全 to the top of 一, added an item before 推进课程改革 and reworded 保障校园安全's body.
    const owner = await connectClient(server, doc.id, server.admin.token)
    const watcher = await connectClient(server, doc.id, token)
    const plan = readPlan(owner.doc)
    const [s1, s2] = plan.sections
    const [c, d, e] = s2.items
    e.body = '落实安全责任制，定期开展疏散演练。'
    s1.items.unshift(e)
    s2.items = [{ id: 'inew', title: '办好人民满意教育。', body: '完善评价体系。' }, c, d]
    replacePlan(owner.doc, plan)
    await waitForDoc(watcher.doc, (ydoc) => allItems(readPlan(ydoc))[0].title === '保障校园安全。')
    const ids = Object.fromEntries(allItems(readPlan(owner.doc)).map((it) => [it.title, it.id]))

    const res = await postReturn(server, doc.id, token, returned)
    expect(res.status).toBe(200)
    expect(res.body.placedSuggestions).toBe(3)
    expect(res.body.placedComments).toBe(1)
    expect(res.body.notPlaced.map((n) => [n.kind, n.text])).toEqual([
      ['deletion', '应急演练'],
      ['insertion', '消防演练'],
    ])
    expect(res.body.notPlaced[0].reason).toMatch(/原文在当前草稿中已改动/)

    await waitForDoc(watcher.doc, (ydoc) => readThreads(ydoc).length === 1)
    const pm = pmDocOfFragment(watcher.doc.getXmlFragment('plan'), planSchema())
    const parts = scanSuggestions(pm).map((p) => [p.itemId, p.kind, p.text])
    expect(parts).toEqual([
      [ids['深化理论学习。'], 'deletion', '四次'],
      [ids['深化理论学习。'], 'insertion', '六次'],
      [ids['完善基层组织。'], 'insertion', '全面'],
      [ids['完善基层组织。'], 'deletion', '内容'],
    ])
    const stamps = [...readStamps(watcher.doc).values()]
    expect(stamps).toHaveLength(3)
    for (const stamp of stamps) expect(stamp).toMatchObject({ author: { id: editor.id }, wordAuthor: '张三（基教科）' })
    const [thread] = readThreads(watcher.doc)
    expect(thread).toMatchObject({ itemId: ids['推进课程改革。'], quote: '项目化学习', text: '建议写明推广的学段', wordAuthor: '王五（德育科）', author: { id: editor.id } })
    const anchors = commentAnchorsIn(pm)
    expect(anchors.map((a) => [a.itemId, pm.textBetween(a.from, a.to)])).toEqual([[ids['推进课程改革。'], '项目化学习']])
    owner.close()
    watcher.close()
  })
})

describe.skipIf(skip)('importing again a file exported with its 修订 and 批注', () => {
  it('adds nothing twice: the revisions and comments the draft already has are listed as not placed', { timeout: 120_000 }, async () => {
    const server = await startTestServer({ seed: false })
    const doc = await server.createDocument(server.admin.token, exportedPlan())
    const clean = await download(server.url, `/api/documents/${doc.id}/export.docx`, server.admin.token)
    const first = await postReturn(server, doc.id, server.admin.token, await reviseInLibreOffice(clean.bytes, EDITS))
    expect(first.body.placedSuggestions).toBe(4)
    // The 征求意见稿 now carries those suggestions and the comment; a department returns it with one more change.
    const withReview = await download(server.url, `/api/documents/${doc.id}/export.docx?review=1`, server.admin.token)
    expect(withReview.status).toBe(200)
    const again = await postReturn(server, doc.id, server.admin.token, await reviseInLibreOffice(withReview.bytes, { author: '赵六（教研室）', edits: [{ kind: 'replace', find: '新教师', text: '青年教师' }] }))
    expect(again.status).toBe(200)
    expect(again.body.placedSuggestions).toBe(1)
    expect(again.body.placedComments).toBe(0)
    expect(again.body.notPlaced.map((n) => [n.kind, n.text])).toEqual([
      ['deletion', '四次'],
      ['insertion', '六次'],
      ['insertion', '全面'],
      ['deletion', '内容'],
      ['comment', '建议写明推广的学段'],
      ['deletion', '应急演练'],
      ['insertion', '消防演练'],
    ])
    for (const n of again.body.notPlaced) expect(n.reason).toMatch(/未重复导入/)
  })
})

describe('POST /api/documents/:id/word-return refusals', () => {
  it('refuses a reviewer, a file that is not a .docx, and a JSON body, with Chinese messages', async () => {
    const server = await startTestServer({ seed: false })
    const doc = await server.createDocument(server.admin.token, exportedPlan())
    const { user: reviewer, token: reviewerToken } = await server.createUser('wangwu')
    await server.share(doc.id, reviewer.id, 'reviewer')
    const docx = new TextEncoder().encode('这不是 Word 文件')
    const asReviewer = await postReturn(server, doc.id, reviewerToken, docx)
    expect(asReviewer.status).toBe(403)
    expect(asReviewer.body.error.message).toMatch(/所有者和编辑者/)
    const notDocx = await postReturn(server, doc.id, server.admin.token, docx)
    expect(notDocx.status).toBe(400)
    expect(notDocx.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    const json = await postReturn(server, doc.id, server.admin.token, new TextEncoder().encode('{}'), 'application/json')
    expect(json.status).toBe(415)
  })
})

import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import type { ReviewResponse, SuggestionReasonResponse } from '../../../shared/api/review.ts'
import { reviewRoot } from '../../../shared/review/reviewRoot.ts'
import { DECISIONS_KEY, readDecisions } from '../../../shared/review/suggestDecisions.ts'
import { readStamp } from '../../../shared/review/suggestStamps.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { textIn } from '../../utils/planText.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { updateMessage } from '../../../server/collab/protocol.ts'

/** A document with a saved version, an editor and a reviewer of 基础教育科 who suggests in items 1, 2 and 3. */
async function setUp() {
  const server = await startTestServer()
  const doc = await server.createDocument()
  const admin = server.admin.token
  expect((await server.api('PUT', '/api/departments', { token: admin, body: { departments: ['基础教育科', '办公室'] } })).status).toBe(200)
  const rev = await server.createUser('shenyue')
  expect((await server.api('PATCH', `/api/accounts/${rev.user.id}`, { token: admin, body: { department: '基础教育科' } })).status).toBe(200)
  await server.share(doc.id, rev.user.id, 'reviewer')
  const ed = await server.createUser('bianji')
  await server.share(doc.id, ed.user.id, 'editor')
  const version = await server.api<{ id: string }>('POST', `/api/documents/${doc.id}/versions`, { token: admin, body: { name: '征求意见稿' } })
  const editor = await connectClient(server, doc.id, ed.token)
  const reviewer = await connectClient(server, doc.id, rev.token)
  textIn(reviewer.doc, 'itemTitle', 0).insert(0, '建议新增', { insertion: { id: 'gaccept01' } })
  textIn(reviewer.doc, 'itemTitle', 1).insert(0, '另行表述', { insertion: { id: 'greject01' } })
  textIn(reviewer.doc, 'itemTitle', 2).insert(0, '尚待处理', { insertion: { id: 'gopen0001' } })
  await waitForDoc(editor.doc, (d) => ['gaccept01', 'greject01', 'gopen0001'].every((id) => readStamp(d, id)))
  return { server, docId: doc.id, versionId: version.body.id, editor, reviewer, editorId: ed.user.id, editorToken: ed.token, reviewerToken: rev.token, reviewerId: rev.user.id }
}

describe('decisions on 修订 recorded by the server', () => {
  it('records an editor’s accept and reject from their updates, with the editor’s account, and takes a reason afterwards', async () => {
    const s = await setUp()
    // Accept: the words stay, unmarked. Reject: the suggested words go.
    textIn(s.editor.doc, 'itemTitle', 0).format(0, 4, { insertion: null })
    textIn(s.editor.doc, 'itemTitle', 1).delete(0, 4)
    await waitForDoc(s.reviewer.doc, (d) => readDecisions(d).size === 2)
    const decisions = readDecisions(s.reviewer.doc)
    expect(decisions.get('gaccept01')).toMatchObject({ decision: 'accepted', by: { id: s.editorId }, parts: [{ kind: 'insertion', text: '建议新增' }] })
    expect(decisions.get('greject01')).toMatchObject({ decision: 'rejected', by: { id: s.editorId }, parts: [{ kind: 'insertion', text: '另行表述' }] })
    expect(decisions.get('greject01')?.itemIds).toHaveLength(1)
    expect(decisions.has('gopen0001')).toBe(false)

    // The reason: editors only, a plain Chinese refusal for the reviewer and for a malformed id.
    const path = `/api/documents/${s.docId}/suggestions/greject01/reason`
    const refused = await s.server.api<{ error: { message: string } }>('POST', path, { token: s.reviewerToken, body: { reason: '不符合' } })
    expect(refused.status).toBe(403)
    expect(refused.body.error.message).toMatch(/只有编辑者和所有者/)
    expect((await s.server.api('POST', `/api/documents/${s.docId}/suggestions/bad%20id/reason`, { token: s.editorToken, body: { reason: 'x' } })).status).toBe(400)
    expect((await s.server.api('POST', path, { token: s.editorToken, body: { reason: 'x'.repeat(201) } })).status).toBe(400)
    const given = await s.server.api<SuggestionReasonResponse>('POST', path, { token: s.editorToken, body: { reason: '与市级要求表述不一致' } })
    expect(given.status).toBe(200)
    expect(given.body.decision).toMatchObject({ decision: 'rejected', reason: '与市级要求表述不一致' })
    await waitForDoc(s.reviewer.doc, (d) => readDecisions(d).get('greject01')?.reason === '与市级要求表述不一致')

    // The review page's payload against the version: the open one and both decided, with the author's 科室.
    const review = await s.server.api<ReviewResponse>('GET', `/api/documents/${s.docId}/review?base=version:${s.versionId}`, { token: s.reviewerToken })
    const byId = new Map((review.body.suggestions ?? []).map((x) => [x.id, x]))
    expect(byId.get('gopen0001')).toMatchObject({ status: 'open', author: { id: s.reviewerId, department: '基础教育科' }, parts: [{ kind: 'insertion', text: '尚待处理' }] })
    expect(byId.get('gaccept01')).toMatchObject({ status: 'accepted', author: { department: '基础教育科' } })
    expect(byId.get('greject01')).toMatchObject({ status: 'rejected', decision: { reason: '与市级要求表述不一致' } })

    // The 修改对照表 against the version has the 采纳情况 column with both.
    const docx = await fetch(`${s.server.url}/api/documents/${s.docId}/review.docx?base=version:${s.versionId}`, { headers: { authorization: `Bearer ${s.editorToken}` } })
    expect(docx.status).toBe(200)
    const xml = (await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('采纳情况')
    expect(text).toContain('未采纳（理由：与市级要求表述不一致）')
    expect(text).toMatch(/建议新增[^采]*采纳/)
  })

  it('forgets a decision when an undo brings the suggestion back, and records no decision when an author removes their own', async () => {
    const s = await setUp()
    textIn(s.editor.doc, 'itemTitle', 0).format(0, 4, { insertion: null })
    await waitForDoc(s.reviewer.doc, (d) => readDecisions(d).has('gaccept01'))
    textIn(s.editor.doc, 'itemTitle', 0).format(0, 4, { insertion: { id: 'gaccept01' } })
    await waitForDoc(s.reviewer.doc, (d) => !readDecisions(d).has('gaccept01'))
    // The editor's own suggestion, typed and deleted again: withdrawn, not rejected.
    textIn(s.editor.doc, 'itemTitle', 3).insert(0, '自己的', { insertion: { id: 'geditown1' } })
    await waitForDoc(s.editor.doc, (d) => readStamp(d, 'geditown1') !== undefined)
    textIn(s.editor.doc, 'itemTitle', 3).delete(0, 3)
    // A later decision arriving shows the withdrawal was handled (and left no record).
    textIn(s.editor.doc, 'itemTitle', 2).delete(0, 4)
    await waitForDoc(s.reviewer.doc, (d) => readDecisions(d).has('gopen0001'))
    expect(readDecisions(s.reviewer.doc).has('geditown1')).toBe(false)
  })

  it('refuses a client’s own write to the decisions (close 4400) and keeps the server’s record', async () => {
    const s = await setUp()
    textIn(s.editor.doc, 'itemTitle', 1).delete(0, 4)
    await waitForDoc(s.editor.doc, (d) => readDecisions(d).get('greject01')?.decision === 'rejected')
    const seq = s.server.services.rooms.get(s.docId)?.seq
    const forged = reviewRoot(s.editor.doc).get(DECISIONS_KEY) as Y.Map<unknown>
    forged.set('greject01', { decision: 'accepted', by: { id: 'x', name: '冒充' }, at: '2020-01-01T00:00:00.000Z', itemIds: [], parts: [] })
    expect((await s.editor.closed).code).toBe(CLOSE.malformed)
    expect(s.server.services.rooms.get(s.docId)?.seq).toBe(seq)
    const room = s.server.services.rooms.get(s.docId)
    expect(room && readDecisions(room.doc).get('greject01')?.decision).toBe('rejected')
  })

  it('closes an editor’s socket with 4400, not an internal error, for an update that does not decode while the document has 修订', async () => {
    const s = await setUp()
    const socket = openSocket(s.server, s.docId, s.editorToken)
    await socket.opened
    socket.send(updateMessage(new Uint8Array([1, 1, 200, 7, 0, 9, 9, 9])))
    expect((await socket.closed).code).toBe(CLOSE.malformed)
    expect(s.server.logs.some((l) => l.includes('ws.failed'))).toBe(false)
  })
})

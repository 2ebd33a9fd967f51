// 批注, 修订 reasons and 导入返回的Word in a cluster: a thread started, answered or resolved, a reason
// given for a decision, or a returned Word file imported, through a process that does not own the
// document is written by the owner into its open room, so every editor sees it at once.
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo, LoginResponse, UserInfo } from '../../../shared/api/types.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { commentMarkKey } from '../../../shared/review/commentsMarkKey.ts'
import { readThread, readThreads } from '../../../shared/review/commentsStore.ts'
import type { CommentThread } from '../../../shared/review/commentsTypes.ts'
import { scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { readDecisions } from '../../../shared/review/suggestDecisions.ts'
import { readStamp, readStamps } from '../../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../../shared/review/suggestYdoc.ts'
import type { WordReturnSummary } from '../../../shared/review/wordReturnTypes.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { TEST_PASSWORD } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { DEPARTMENT_EDITS, exportedPlan, libreOfficeMissing, reviseInLibreOffice } from '../../utils/wordReturnFile.ts'
import { adminToken, api, firstDraft, startCluster, type TestCluster } from '../cluster/clusterProcesses.ts'
import { ownerIndex } from '../cluster/editing.ts'

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(2)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

describe('批注 on a cluster', () => {
  it('starts, answers and resolves a thread through the process that does not own the document', { timeout: 60_000 }, async () => {
    const first = await connectClient(cluster.servers[0], docId, token)
    const owner = ownerIndex(cluster, docId)
    expect(owner).toBeGreaterThanOrEqual(0)
    const other = cluster.servers[1 - owner]
    const watcher = await connectClient(other, docId, token)
    textIn(first.doc, 'itemTitle', 0).format(0, 2, { [commentMarkKey('cc1')]: { id: 'cc1' } })
    const itemId = String(elementsNamed(first.doc, 'item')[0].getAttribute('id'))
    const created = await api<CommentThread>(other, 'POST', `/api/documents/${docId}/comments`, token, { id: 'cc1', itemId, text: '集群里的批注' })
    expect([created.status, created.body.quote.length]).toEqual([201, 2])
    const replied = await api<CommentThread>(other, 'POST', `/api/documents/${docId}/comments/cc1/replies`, token, { text: '收到' })
    expect(replied.body.replies.map((r) => r.text)).toEqual(['收到'])
    expect((await api<CommentThread>(other, 'POST', `/api/documents/${docId}/comments/cc1/resolve`, token)).body.resolved).toBe(true)
    for (const c of [first, watcher]) await waitForDoc(c.doc, (d) => readThread(d, 'cc1')?.resolved === true)
    expect((await api<{ error: { message: string } }>(other, 'POST', `/api/documents/${docId}/comments/nosuch/resolve`, token)).body.error.message).toBe('批注不存在')
    expect(ownerIndex(cluster, docId)).toBe(owner)
    first.close()
    watcher.close()
  })

  it('takes a reason for a decision through the process that does not own the document', { timeout: 60_000 }, async () => {
    const first = await connectClient(cluster.servers[0], docId, token)
    const owner = ownerIndex(cluster, docId)
    const other = cluster.servers[1 - owner]
    // A reviewer signed in on the other process suggests; the admin rejects it on the owner.
    const created = await api<UserInfo>(other, 'POST', '/api/users', token, { name: 'clusterreviewer', password: TEST_PASSWORD, role: 'member' })
    expect((await api(other, 'PUT', `/api/documents/${docId}/members/${created.body.id}`, token, { role: 'reviewer' })).status).toBe(200)
    const login = await api<LoginResponse>(other, 'POST', '/api/login', undefined, { name: 'clusterreviewer', password: TEST_PASSWORD })
    const watcher = await connectClient(other, docId, login.body.token)
    textIn(watcher.doc, 'itemTitle', 1).insert(0, '集群建议', { insertion: { id: 'gcluster1' } })
    await waitForDoc(first.doc, (d) => readStamp(d, 'gcluster1') !== undefined, { message: 'the suggestion’s stamp' })
    textIn(first.doc, 'itemTitle', 1).delete(0, 4)
    await waitForDoc(watcher.doc, (d) => readDecisions(d).get('gcluster1')?.decision === 'rejected', { message: 'the decision' })
    const given = await api<{ decision: { reason?: string } }>(other, 'POST', `/api/documents/${docId}/suggestions/gcluster1/reason`, token, { reason: '另行研究' })
    expect([given.status, given.body.decision.reason]).toEqual([200, '另行研究'])
    for (const c of [first, watcher]) await waitForDoc(c.doc, (d) => readDecisions(d).get('gcluster1')?.reason === '另行研究', { message: 'the reason' })
    expect(ownerIndex(cluster, docId)).toBe(owner)
    first.close()
    watcher.close()
  })
})

describe.skipIf(libreOfficeMissing())('导入返回的Word on a cluster', () => {
  it('places a returned file posted to the process that does not own the document in the owner’s room, seen by clients on both processes', { timeout: 150_000 }, async () => {
    const base64 = Buffer.from(JSON.stringify(toPlanJson(exportedPlan()))).toString('base64')
    const made = await api<{ document: DocumentInfo }>(cluster.servers[0], 'POST', '/api/documents', token, { import: { filename: 'plan.json', base64 } })
    expect(made.status).toBe(201)
    const id = made.body.document.id
    const first = await connectClient(cluster.servers[0], id, token)
    const owner = ownerIndex(cluster, id)
    expect(owner).toBeGreaterThanOrEqual(0)
    const other = cluster.servers[1 - owner]
    const watcher = await connectClient(other, id, token)
    const exported = await fetch(`${other.url}/api/documents/${id}/export.docx`, { headers: { Authorization: `Bearer ${token}` } })
    expect(exported.status).toBe(200)
    const returned = await reviseInLibreOffice(new Uint8Array(await exported.arrayBuffer()), DEPARTMENT_EDITS)

    const res = await fetch(`${other.url}/api/documents/${id}/word-return`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(returned),
    })
    const summary = (await res.json()) as WordReturnSummary
    expect([res.status, summary.placedSuggestions, summary.placedComments, summary.notPlaced]).toEqual([200, 4, 1, []])
    for (const c of [first, watcher]) {
      await waitForDoc(c.doc, (d) => readStamps(d).size === 4 && readThreads(d).length === 1, { message: 'the imported suggestions and thread' })
      expect([...readStamps(c.doc).values()].map((s) => s.wordAuthor)).toEqual(Array(4).fill('张三（基教科）'))
      expect(readThreads(c.doc)[0]).toMatchObject({ quote: '项目化学习', wordAuthor: '王五（德育科）' })
    }
    // Written once, by the owner: the marks are in the text on both processes, not twice.
    const parts = [first, watcher].map((c) => scanSuggestions(pmDocOfFragment(c.doc.getXmlFragment('plan'), planSchema())).map((p) => `${p.kind}:${p.text}`))
    expect(parts).toEqual(Array(2).fill(['deletion:四次', 'insertion:六次', 'insertion:全面', 'deletion:内容', 'deletion:应急演练', 'insertion:消防演练']))
    expect(ownerIndex(cluster, id)).toBe(owner)
    first.close()
    watcher.close()
  })
})

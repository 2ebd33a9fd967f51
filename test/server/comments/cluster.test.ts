// 批注 and 修订 reasons in a cluster: a thread started, answered or resolved, or a reason given for a
// decision, through a process that does not own the document is written by the owner into its open
// room, so every editor sees it at once.
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoginResponse, UserInfo } from '../../../shared/api/types.ts'
import { commentMarkKey } from '../../../shared/review/commentsMarkKey.ts'
import { readThread } from '../../../shared/review/commentsStore.ts'
import type { CommentThread } from '../../../shared/review/commentsTypes.ts'
import { readDecisions } from '../../../shared/review/suggestDecisions.ts'
import { readStamp } from '../../../shared/review/suggestStamps.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { TEST_PASSWORD } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
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

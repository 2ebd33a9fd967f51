// 批注 in a cluster: a thread started, answered or resolved through a process that does not own the
// document is written by the owner into its open room, so every editor sees it at once.
import { beforeAll, describe, expect, it } from 'vitest'
import { commentMarkKey } from '../../../shared/review/commentsMarkKey.ts'
import { readThread } from '../../../shared/review/commentsStore.ts'
import type { CommentThread } from '../../../shared/review/commentsTypes.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
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
})

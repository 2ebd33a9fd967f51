// Named versions in a cluster: saving and restoring work on any process. A process that does not
// own the document sends the operation to the owner, which saves the state it accepted (PostgreSQL
// may not have the last changes yet) and restores through its open room, so every editor sees it.
// Reads of the current document elsewhere wait until the owner has stored what it accepted.
import { beforeAll, describe, expect, it } from 'vitest'
import type { VersionInfo } from '../../../shared/api/types.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { adminToken, api, firstDraft, startCluster, type TestCluster } from './clusterProcesses.ts'
import { ownerIndex } from './editing.ts'

let cluster: TestCluster
let token: string
let docId: string
beforeAll(async () => {
  cluster = await startCluster(2)
  token = await adminToken(cluster.servers[0])
  docId = (await firstDraft(cluster.servers[0], token)).id
}, 120_000)

/** A client on each process, the owner's first; and the index of the process that does not own the document. */
async function clientsOnBoth(): Promise<{ atOwner: TestClient; elsewhere: TestClient; other: number }> {
  const atOwner = await connectClient(cluster.servers[0], docId, token)
  const elsewhere = await connectClient(cluster.servers[1], docId, token)
  const owner = ownerIndex(cluster, docId)
  expect(owner).toBeGreaterThanOrEqual(0)
  return owner === 0 ? { atOwner, elsewhere, other: 1 } : { atOwner: elsewhere, elsewhere: atOwner, other: 0 }
}

/** Types a mark at the start of item 1's title on `author` and resolves once `reader` has it. */
async function typeMark(author: TestClient, reader: TestClient, mark: string): Promise<void> {
  textIn(author.doc, 'itemTitle', 0).insert(0, mark)
  await waitForDoc(reader.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith(mark))
}

describe('named versions on a cluster', () => {
  it('saves a version on a process that does not own the document, with the edit the owner accepted just before', { timeout: 60_000 }, async () => {
    const { atOwner, elsewhere, other } = await clientsOnBoth()
    await typeMark(atOwner, elsewhere, '〔保存前〕')
    const saved = await api<VersionInfo>(cluster.servers[other], 'POST', `/api/documents/${docId}/versions`, token, { name: '征求意见稿' })
    expect(saved.status).toBe(201)
    const plan = await api<unknown>(cluster.servers[other], 'GET', `/api/documents/${docId}/versions/${saved.body.id}/plan`, token)
    expect(JSON.stringify(plan.body)).toContain('〔保存前〕')
    atOwner.close()
    elsewhere.close()
  })

  it('restores a version on a process that does not own the document: every editor sees it and the owner stays the same', { timeout: 60_000 }, async () => {
    const { atOwner, elsewhere, other } = await clientsOnBoth()
    const owner = ownerIndex(cluster, docId)
    await typeMark(atOwner, elsewhere, '〔版本内容〕')
    const saved = await api<VersionInfo>(cluster.servers[other], 'POST', `/api/documents/${docId}/versions`, token, { name: '送审稿' })
    expect(saved.status).toBe(201)
    await typeMark(elsewhere, atOwner, '〔恢复前〕')
    const restored = await api<{ restored: VersionInfo; autosave: VersionInfo; seq: number }>(cluster.servers[other], 'POST', `/api/documents/${docId}/versions/${saved.body.id}/restore`, token)
    expect(restored.status).toBe(200)
    expect(restored.body.restored.id).toBe(saved.body.id)
    for (const c of [atOwner, elsewhere]) await waitForDoc(c.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('〔版本内容〕'))
    // The text before the restore was kept as a version, with the last edit in it.
    const autosave = await api<unknown>(cluster.servers[other], 'GET', `/api/documents/${docId}/versions/${restored.body.autosave.id}/plan`, token)
    expect(JSON.stringify(autosave.body)).toContain('〔恢复前〕')
    expect(ownerIndex(cluster, docId)).toBe(owner)
    atOwner.close()
    elsewhere.close()
  })

  it('answers a version that does not exist with 404 from the owner, whichever process was asked', { timeout: 60_000 }, async () => {
    const { atOwner, elsewhere, other } = await clientsOnBoth()
    const res = await api<{ error: { code: string; message: string } }>(cluster.servers[other], 'POST', `/api/documents/${docId}/versions/vnothere/restore`, token)
    expect(res.status).toBe(404)
    expect(res.body.error.message).toBe('版本不存在')
    atOwner.close()
    elsewhere.close()
  })
})

describe('reading the current document on a cluster', () => {
  it('answers the plan on a process that does not own the document with the edit the owner accepted just before', { timeout: 60_000 }, async () => {
    const { atOwner, elsewhere, other } = await clientsOnBoth()
    await typeMark(atOwner, elsewhere, '〔读取前〕')
    const plan = await api<unknown>(cluster.servers[other], 'GET', `/api/documents/${docId}/plan`, token)
    expect(plan.status).toBe(200)
    expect(JSON.stringify(plan.body)).toContain('〔读取前〕')
    atOwner.close()
    elsewhere.close()
  })
})

import { describe, expect, it } from 'vitest'
import type { HistoryEntry, VersionInfo } from '../../../shared/api/types.ts'
import type { PlanJson } from '../../../shared/plan/planJson.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

const firstTitle = (plan: PlanJson): string => plan.sections[0].items[0].title

describe('named versions', () => {
  it('saves a version, reads it back as Plan JSON and restores it as a new change that reaches open editors', async () => {
    const server = await startTestServer()
    const token = server.admin.token
    const doc = await server.createDocument()
    const base = `/api/documents/${doc.id}`
    const editor = await connectClient(server, doc.id, token)
    const watcher = await connectClient(server, doc.id, token)

    textIn(editor.doc, 'itemTitle', 0).insert(0, '征求意见稿：')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('征求意见稿：'))
    const saved = await server.api<VersionInfo>('POST', `${base}/versions`, { token, body: { name: '征求意见稿' } })
    expect(saved.status).toBe(201)
    expect(saved.body).toMatchObject({ name: '征求意见稿', docId: doc.id, createdBy: { id: server.admin.user.id } })
    // The version sits at the end of the history as it was: the creation (1) and the edit (2).
    expect(saved.body.seq).toBe(2)

    textIn(editor.doc, 'itemTitle', 0).delete(0, 6)
    textIn(editor.doc, 'itemTitle', 0).insert(0, '送审稿：')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('送审稿：'))
    const now = await server.api<PlanJson>('GET', `${base}/plan`, { token })
    expect(firstTitle(now.body)).toMatch(/^送审稿：/)

    const read = await server.api<PlanJson>('GET', `${base}/versions/${saved.body.id}/plan`, { token })
    expect(firstTitle(read.body)).toMatch(/^征求意见稿：/)
    const historyBefore = await server.api<HistoryEntry[]>('GET', `${base}/history`, { token })

    const restored = await server.api<{ autosave: VersionInfo; seq: number }>('POST', `${base}/versions/${saved.body.id}/restore`, { token })
    expect(restored.status).toBe(200)
    expect(restored.body.autosave.name).toMatch(/^恢复前自动保存/)
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('征求意见稿：'))
    await waitForDoc(editor.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('征求意见稿：'))
    expect(firstTitle((await server.api<PlanJson>('GET', `${base}/plan`, { token })).body)).toBe(firstTitle(read.body))

    // Nothing was deleted: the history only grew, and the state before the restore is a version.
    const historyAfter = await server.api<HistoryEntry[]>('GET', `${base}/history`, { token })
    expect(historyAfter.body.length).toBeGreaterThan(historyBefore.body.length)
    expect(historyAfter.body.slice(0, historyBefore.body.length).map((e) => e.seq)).toEqual(historyBefore.body.map((e) => e.seq))
    const autosavePlan = await server.api<PlanJson>('GET', `${base}/versions/${restored.body.autosave.id}/plan`, { token })
    expect(firstTitle(autosavePlan.body)).toMatch(/^送审稿：/)
    const list = await server.api<VersionInfo[]>('GET', `${base}/versions`, { token })
    expect(list.body.map((v) => v.name)).toEqual(['征求意见稿', restored.body.autosave.name])

    // A restart keeps the restored text.
    editor.close()
    watcher.close()
    await server.restart()
    expect(firstTitle((await server.api<PlanJson>('GET', `${base}/plan`, { token })).body)).toBe(firstTitle(read.body))
  })

  it('restores a document nobody has open, and refuses unknown versions and empty names', async () => {
    const server = await startTestServer()
    const token = server.admin.token
    const doc = await server.createDocument()
    const base = `/api/documents/${doc.id}`
    const v1 = await server.api<VersionInfo>('POST', `${base}/versions`, { token, body: { name: '初稿' } })
    const client = await connectClient(server, doc.id, token)
    textIn(client.doc, 'itemTitle', 0).insert(0, '后来加的')
    const check = await connectClient(server, doc.id, token)
    await waitForDoc(check.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('后来加的'))
    client.close()
    check.close()
    expect((await server.api('POST', `${base}/versions/${v1.body.id}/restore`, { token })).status).toBe(200)
    expect(firstTitle((await server.api<PlanJson>('GET', `${base}/plan`, { token })).body)).not.toContain('后来加的')
    expect((await server.api('POST', `${base}/versions/vnope/restore`, { token })).status).toBe(404)
    expect((await server.api('GET', `${base}/versions/vnope/plan`, { token })).status).toBe(404)
    expect((await server.api('POST', `${base}/versions`, { token, body: { name: '   ' } })).status).toBe(400)
  })
})

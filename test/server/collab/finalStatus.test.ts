import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'

describe('a 定稿 document on the socket', () => {
  it('closes open editors with 4423 when the plan becomes 定稿, then drops every update from anyone and logs it', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('bianji')
    await server.share(doc.id, user.id, 'editor')
    const token0 = server.admin.token
    const editor = await connectClient(server, doc.id, token)
    for (const status of ['consultation', 'review']) await server.api('POST', `/api/documents/${doc.id}/status`, { token: token0, body: { status } })
    textIn(editor.doc, 'itemTitle', 0).insert(0, '审核中修改')
    const watcher = await connectClient(server, doc.id, token0)
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('审核中修改'))
    watcher.close()

    // The seed plan has no 任务分解 fields: the owner forces 定稿 past the gate, with a reason.
    await server.api('POST', `/api/documents/${doc.id}/status`, { token: token0, body: { status: 'final', override: true, reason: '任务分解另行下发' } })
    expect((await editor.closed).code).toBe(CLOSE.finalized)

    // Sockets opened after 定稿 may read, but nobody's update is taken, not even the owner's.
    const seqBefore = await server.services.storage.lastSeq(doc.id)
    const owner = await connectClient(server, doc.id, token0)
    const other = await connectClient(server, doc.id, token)
    expect(textIn(owner.doc, 'itemTitle', 0).toString()).toMatch(/^审核中修改/)
    textIn(owner.doc, 'itemTitle', 1).insert(0, '定稿后偷改')
    textIn(other.doc, 'itemTitle', 2).insert(0, '定稿后编辑')
    // Awareness travels after the edits on the same sockets: once it arrived, the edits were handled.
    owner.provider.awareness.setLocalStateField('marker', 1)
    other.provider.awareness.setLocalStateField('marker', 2)
    await waitFor(() => [...owner.provider.awareness.getStates().values()].some((s) => s.marker === 2))
    await waitFor(() => [...other.provider.awareness.getStates().values()].some((s) => s.marker === 1))
    expect(textIn(other.doc, 'itemTitle', 1).toString()).not.toContain('定稿后偷改')
    expect(textIn(owner.doc, 'itemTitle', 2).toString()).not.toContain('定稿后编辑')
    expect(await server.services.storage.lastSeq(doc.id)).toBe(seqBefore)
    expect(server.logs.filter((l) => l.includes('update.dropped') && l.includes('final=true')).length).toBeGreaterThanOrEqual(2)
    owner.close()
    other.close()

    // Reopened with a reason, the document takes edits again.
    await server.api('POST', `/api/documents/${doc.id}/status`, { token: token0, body: { status: 'review', reason: '补充内容' } })
    const again = await connectClient(server, doc.id, token)
    const seen = await connectClient(server, doc.id, token0)
    textIn(again.doc, 'itemTitle', 3).insert(0, '重新打开后')
    await waitForDoc(seen.doc, (d) => textIn(d, 'itemTitle', 3).toString().startsWith('重新打开后'))
    again.close()
    seen.close()
  })
})

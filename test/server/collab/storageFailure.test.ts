import { describe, expect, it } from 'vitest'
import { loadDocumentState } from '../../../server/storage/documentState.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'
import * as Y from 'yjs'

describe('a failing disk', () => {
  it('never broadcasts an update it could not store; the clients reconnect and bring it back once storage works again', async () => {
    let failing = false
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          appendUpdates: (base, docId, updates, ops) => (failing ? Promise.reject(new Error('disk full')) : base.appendUpdates(docId, updates, ops)),
        }),
    })
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    const closes: number[] = []
    b.provider.on('connection-close', (e) => closes.push(e?.code ?? 0))

    failing = true
    textIn(a.doc, 'itemTitle', 0).insert(0, '写盘失败时的修改')
    await waitFor(() => server.logs.some((l) => l.includes('store.failed')))
    await waitFor(() => closes.includes(1011))
    expect(textIn(b.doc, 'itemTitle', 0).toString()).not.toContain('写盘失败时的修改')

    failing = false
    await waitForDoc(b.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('写盘失败时的修改'), { timeout: 15_000 })
    const { state } = await loadDocumentState(server.services.storage, doc.id)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, state!)
    expect(textIn(stored, 'itemTitle', 0).toString()).toMatch(/^写盘失败时的修改/)
    a.close()
    b.close()
  })
})

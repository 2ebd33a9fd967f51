import { describe, expect, it } from 'vitest'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'

describe('a failing database', () => {
  it('closes the room when a write fails (clients reconnect and resend) and loses nothing: the write-ahead log and the clients have it', async () => {
    let failing = false
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: (base, ops) => (failing && ops.some((op) => op.type === 'putUpdate') ? Promise.reject(new Error('disk full')) : base.write(ops)),
        }),
    })
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    const closes: number[] = []
    b.provider.on('connection-close', (e) => closes.push(e?.code ?? 0))

    failing = true
    textIn(a.doc, 'itemTitle', 0).insert(0, '写库失败时的修改')
    await waitFor(() => server.logs.some((l) => l.includes('store.failed')))
    await waitFor(() => closes.includes(1011))

    failing = false
    await waitForSync(b)
    textIn(a.doc, 'itemTitle', 1).insert(0, '恢复之后')
    await waitForDoc(b.doc, (d) => textOf(d, 'itemTitle', 1).startsWith('恢复之后'), { timeout: 15_000 })
    expect(textOf(b.doc, 'itemTitle', 0)).toMatch(/^写库失败时的修改/)
    a.close()
    b.close()
    await server.restart()
    const stored = await storedDoc(server.services.storage, doc.id)
    expect(textOf(stored, 'itemTitle', 0)).toMatch(/^写库失败时的修改/)
    expect(textOf(stored, 'itemTitle', 1)).toMatch(/^恢复之后/)
  })

  it('keeps what an idle room could not store when it unloads: the next opening and the next start have it', async () => {
    let failing = false
    const server = await startTestServer({
      roomIdleMs: 20,
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: (base, ops) => (failing && ops.some((op) => op.type === 'putUpdate') ? Promise.reject(new Error('disk full')) : base.write(ops)),
        }),
    })
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const room = server.services.rooms.get(doc.id)!
    failing = true
    textIn(a.doc, 'itemTitle', 0).insert(0, '空闲卸载前的修改')
    await waitForDoc(room.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('空闲卸载前的修改'))
    // The editor leaves before the write window: the idle unload's flush is the write that fails.
    a.close()
    await waitFor(() => server.logs.some((l) => l.includes('store.failed')))
    await waitFor(() => !server.services.rooms.all().includes(room))
    expect(room.failed).toBe(true)

    failing = false
    const b = await connectClient(server, doc.id, server.admin.token)
    expect(textOf(b.doc, 'itemTitle', 0)).toMatch(/^空闲卸载前的修改/)
    b.close()
    await server.restart()
    expect(textOf(await storedDoc(server.services.storage, doc.id), 'itemTitle', 0)).toMatch(/^空闲卸载前的修改/)
  })
})

function waitForSync(client: Awaited<ReturnType<typeof connectClient>>): Promise<void> {
  return waitFor(() => client.provider.synced && client.provider.wsconnected, { timeout: 15_000 })
}

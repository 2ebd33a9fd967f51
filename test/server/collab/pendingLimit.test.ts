import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { updateMessage } from '../../../server/collab/protocol.ts'
import { MAX_PENDING_BYTES, pendingBytes } from '../../../server/collab/pendingLimit.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

describe('changes that wait for a change the server never got', () => {
  it('are held up to the limit, then the socket is closed with 4413 and the room forgets them; others keep editing', async () => {
    const server = await startTestServer()
    const created = await server.createDocument()
    const editor = await connectClient(server, created.id, server.admin.token)
    const reader = await connectClient(server, created.id, server.admin.token)
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(editor.doc))
    const title = textIn(forger, 'itemTitle', 0)
    title.insert(0, '甲') // never sent: every later change builds on it
    const socket = openSocket(server, created.id, server.admin.token)
    await socket.opened
    const room = server.services.rooms.get(created.id)
    expect(room).toBeDefined()
    let sent = 0
    let closed: number | null = null
    void socket.closed.then(({ code }) => (closed = code))
    const chunk = '填'.repeat(20_000)
    while (closed === null && sent < (3 * MAX_PENDING_BYTES) / chunk.length) {
      const before = Y.encodeStateVector(forger)
      title.insert(0, chunk)
      socket.send(updateMessage(Y.encodeStateAsUpdate(forger, before)))
      sent++
      // Each frame is handled before the next is made (the server answers a query for presence).
      socket.send(new Uint8Array([3]))
      await new Promise<void>((resolve) => {
        const done = (): void => resolve()
        socket.ws.once('message', done)
        void socket.closed.then(done)
      })
    }
    expect(closed).toBe(CLOSE.tooLarge)
    expect(pendingBytes(server.services.rooms.get(created.id)!.doc)).toBeLessThanOrEqual(MAX_PENDING_BYTES)

    textIn(editor.doc, 'itemTitle', 0).insert(0, '乙')
    await waitForDoc(reader.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('乙'))
    expect(textIn(reader.doc, 'itemTitle', 0).toString()).not.toContain('填')
    const late = await connectClient(server, created.id, server.admin.token)
    expect(Y.encodeStateAsUpdate(late.doc).length).toBeLessThan(MAX_PENDING_BYTES)
    for (const c of [editor, reader, late]) c.close()
  })
})

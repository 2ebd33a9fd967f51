import { describe, expect, it } from 'vitest'
import type { WriteOp } from '../../../server/storage/Storage.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'

/** The documents whose log entries a database write carries. */
function docsOf(ops: WriteOp[]): Set<string> {
  return new Set(ops.flatMap((op) => (op.type === 'putUpdate' ? [op.docId] : [])))
}

describe('the store window shared by all rooms', () => {
  it('writes the keystrokes of two documents made while a write is under way in one database write', async () => {
    const writes: Set<string>[] = []
    let gate: Promise<void> | null = null
    let open = (): void => {}
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: async (base, ops) => {
            const docs = docsOf(ops)
            if (docs.size) writes.push(docs)
            if (gate && docs.size) await gate
            return base.write(ops)
          },
        }),
    })
    const one = await server.createDocument()
    const two = await server.createDocument()
    const a = await connectClient(server, one.id, server.admin.token)
    const b = await connectClient(server, two.id, server.admin.token)
    const roomOne = server.services.rooms.get(one.id)!
    const roomTwo = server.services.rooms.get(two.id)!
    // A first keystroke's write is held, so the next two wait for the window together.
    gate = new Promise((resolve) => (open = resolve))
    writes.length = 0
    textIn(a.doc, 'itemTitle', 1).insert(0, '先')
    await waitFor(() => writes.length === 1)
    textIn(a.doc, 'itemTitle', 0).insert(0, '甲')
    textIn(b.doc, 'itemTitle', 0).insert(0, '乙')
    await waitForDoc(roomOne.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('甲'))
    await waitForDoc(roomTwo.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('乙'))
    gate = null
    open()
    await Promise.all([roomOne.flushed(), roomTwo.flushed()])

    expect(writes).toEqual([new Set([one.id]), new Set([one.id, two.id])])
    a.close()
    b.close()
  })

  it('closes only the room whose write fails when a gathered write fails; the other room stores its keystrokes', async () => {
    let failing = ''
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: (base, ops) => (failing && docsOf(ops).has(failing) ? Promise.reject(new Error('fenced out')) : base.write(ops)),
        }),
    })
    const bad = await server.createDocument()
    const good = await server.createDocument()
    const a = await connectClient(server, bad.id, server.admin.token)
    const b = await connectClient(server, good.id, server.admin.token)
    const badRoom = server.services.rooms.get(bad.id)!
    const goodRoom = server.services.rooms.get(good.id)!
    const closes: number[] = []
    a.provider.on('connection-close', (e) => closes.push(e?.code ?? 0))

    failing = bad.id
    textIn(a.doc, 'itemTitle', 0).insert(0, '写不进去')
    textIn(b.doc, 'itemTitle', 0).insert(0, '照常保存')
    await waitForDoc(badRoom.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('写不进去'))
    await waitForDoc(goodRoom.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('照常保存'))
    await Promise.all([badRoom.flushed(), goodRoom.flushed()])
    await waitFor(() => closes.includes(1011))

    expect(badRoom.failed).toBe(true)
    expect(goodRoom.failed).toBe(false)
    expect(textOf(await storedDoc(server.services.storage, good.id), 'itemTitle', 0)).toMatch(/^照常保存/)
    failing = ''
    a.close()
    b.close()
  })
})

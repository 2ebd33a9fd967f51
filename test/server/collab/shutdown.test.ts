import { describe, expect, it } from 'vitest'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { delay, overrideStorage } from '../../utils/storageFaults.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

describe('stopping the server while the database is slow', () => {
  it("stores, compacts and snapshots every room although the clients' closing handshakes arrive mid-unload", async () => {
    let slow = false
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: async (base, ops) => {
            if (slow) await delay(150)
            return base.write(ops)
          },
        }),
    })
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    for (let i = 0; i < 30; i++) textIn(a.doc, 'itemTitle', 0).insert(0, `〔${i}〕`)
    await waitForDoc(b.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('〔29〕'))
    slow = true
    await server.restart()
    slow = false
    expect(server.logs.some((l) => l.includes('room.unload') && l.includes(`doc=${doc.id}`) && l.includes('compacted=1'))).toBe(true)
    expect((await server.services.storage.readUpdates(doc.id)).length).toBeLessThanOrEqual(2)
    expect(textOf(await storedDoc(server.services.storage, doc.id), 'itemTitle', 0)).toMatch(/^〔29〕/)
    a.close()
    b.close()
  })
})

import { describe, expect, it } from 'vitest'
import { STORE_DELAY_MS } from '../../../server/collab/Room.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn, textOf } from '../../utils/planText.ts'
import { overrideStorage } from '../../utils/storageFaults.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

describe('database writes of a room', () => {
  it('groups a burst of keystrokes into a few database writes and stores every one of them', async () => {
    let updateWrites = 0
    let storedUpdates = 0
    const server = await startTestServer({
      wrapStorage: (s) =>
        overrideStorage(s, {
          write: (base, ops) => {
            const puts = ops.filter((op) => op.type === 'putUpdate').length
            if (puts) {
              updateWrites++
              storedUpdates += puts
            }
            return base.write(ops)
          },
        }),
    })
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    const title = textIn(a.doc, 'itemTitle', 0)
    const before = updateWrites
    const t0 = performance.now()
    const keystrokes = 60
    // Typed one after another: each keystroke reaches the other editor before the next is made.
    for (let i = 1; i <= keystrokes; i++) {
      title.insert(0, '字')
      await waitForDoc(b.doc, (d) => textOf(d, 'itemTitle', 0).startsWith('字'.repeat(i)))
    }
    const elapsed = performance.now() - t0
    await server.services.rooms.get(doc.id)?.flushed()

    expect(storedUpdates).toBeGreaterThanOrEqual(keystrokes)
    // At most one write per delay window (plus the one that flushed() started), however slow the machine.
    expect(updateWrites - before).toBeLessThanOrEqual(Math.min(keystrokes - 1, Math.ceil(elapsed / STORE_DELAY_MS) + 1))
    a.close()
    b.close()
    await server.restart()
    const stored = await storedDoc(server.services.storage, doc.id)
    expect(textOf(stored, 'itemTitle', 0).startsWith('字'.repeat(keystrokes))).toBe(true)
  })
})

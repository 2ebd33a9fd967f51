import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PLAN_FIELD, writePlan } from '../../../shared/collab/ydoc.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { planOf } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { delay, overrideStorage } from '../../utils/storageFaults.ts'
import { startTestServer } from '../../utils/testServer.ts'

describe('the first sync after a restart (the empty-first-sync trap)', () => {
  it('answers a client that seeds empty documents only after the stored state has loaded, even when loading is slow', async () => {
    // Loading a document's log takes 400 ms: a server that answered sync before loading would
    // hand out an empty document, and the naive client below would write the plan a second time.
    const server = await startTestServer({
      wrapStorage: (s) => overrideStorage(s, { readUpdates: async (base, docId, range) => (await delay(400), base.readUpdates(docId, range)) }),
    })
    const doc = await server.createDocument()
    await server.restart()

    const naive = new Y.Doc()
    let sawEmpty = false
    const client = await connectClient(server, doc.id, server.admin.token, { doc: naive })
    if (naive.getXmlFragment(PLAN_FIELD).length === 0) {
      sawEmpty = true
      writePlan(naive, districtSeed())
    }
    expect(sawEmpty).toBe(false)
    client.close()

    await server.restart()
    const check = await connectClient(server, doc.id, server.admin.token)
    const items = planOf(check.doc).sections.flatMap((s) => s.items)
    expect(items.length).toBe(districtSeed().sections.flatMap((s) => s.items).length)
    check.close()
  })
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { updateMessage } from '../../../server/collab/protocol.ts'
import { BREAKDOWN_KEYS_PER_ITEM } from '../../../shared/breakdown/record.ts'
import { DEFAULT_PLAN_LIMITS } from '../../../shared/plan/limits.ts'
import { readBreakdowns, setBreakdownField } from '../../../shared/breakdown/store.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { planOf } from '../../utils/planText.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

async function updateOn(server: TestServer, docId: string, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = await storedDoc(server.services.storage, docId)
  const sv = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, sv)
}

describe('the server checks the 任务分解 map like the links map', () => {
  it('passes a well-formed record to the other collaborators and serves it in the plan', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    const watcher = await connectClient(server, doc.id, token)
    const plan = await server.api('GET', `/api/documents/${doc.id}/plan`, { token })
    const itemId = (plan.body as { sections: Array<{ items: Array<{ id: string }> }> }).sections[0].items[0].id
    const update = await updateOn(server, doc.id, (d) => d.getMap('breakdown').set(itemId, { lead: ['基教科'], support: ['德育科'], deadline: '2025年6月底', by: 'u1', at: '2026-01-01T00:00:00Z' }))
    const socket = openSocket(server, doc.id, token)
    await socket.opened
    socket.send(updateMessage(update))
    await waitForDoc(watcher.doc, (d) => d.getMap('breakdown').has(itemId))
    const after = await server.api('GET', `/api/documents/${doc.id}/plan`, { token })
    expect((after.body as { sections: Array<{ items: Array<{ breakdown?: unknown }> }> }).sections[0].items[0].breakdown).toEqual({ lead: ['基教科'], support: ['德育科'], deadline: '2025年6月底' })
    socket.ws.close()
    watcher.close()
  })

  const bad: Array<[string, (d: Y.Doc) => void]> = [
    ['an unknown field', (d) => d.getMap('breakdown').set('i1', { lead: ['基教科'], payload: 'x' })],
    ['a 10,000-character department', (d) => d.getMap('breakdown').set('i1', { lead: ['科'.repeat(10_000)] })],
    ['a list of 1,000 departments', (d) => d.getMap('breakdown').set('i1', { support: Array.from({ length: 1000 }, (_, n) => `科${n}`) })],
    ['a value that is not a record', (d) => d.getMap('breakdown').set('i1', 'x')],
    ['a per-field value of the wrong type', (d) => d.getMap('breakdown').set('i1#lead', { v: '基教科' })],
    [
      'more records than a plan may have items',
      (d) => {
        for (let n = 0; n <= DEFAULT_PLAN_LIMITS.items * BREAKDOWN_KEYS_PER_ITEM; n++) d.getMap('breakdown').set(`x${n}#lead`, { v: ['科'] })
      },
    ],
    ['a nested shared type', (d) => d.getMap('breakdown').set('i1', new Y.Map())],
  ]
  it('closes the sender with 4400 for each bad record, and nobody else sees it', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    const watcher = await connectClient(server, doc.id, token)
    for (const [what, change] of bad) {
      const update = await updateOn(server, doc.id, change)
      const socket = openSocket(server, doc.id, token)
      await socket.opened
      socket.send(updateMessage(update))
      expect((await socket.closed).code, what).toBe(CLOSE.malformed)
    }
    expect(CLOSE.malformed).toBe(4400)
    expect(watcher.doc.getMap('breakdown').size).toBe(0)
    watcher.close()
  })
})

describe('two collaborators editing one item’s fields at once', () => {
  it('both keep their change when one sets 牵头科室 and the other 完成时限 of the same item before seeing each other’s edit', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user, token } = await server.createUser('lina')
    await server.share(doc.id, user.id, 'editor')
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, token)
    const itemId = planOf(a.doc).sections[0].items[0].id
    // Both writes happen in one tick: neither client has received the other's update yet.
    setBreakdownField(a.doc, itemId, 'lead', ['基教科'], { by: 'admin' })
    setBreakdownField(b.doc, itemId, 'deadline', '第二季度', { by: user.id })
    const both = (d: Y.Doc): boolean => readBreakdowns(d).get(itemId)?.lead?.[0] === '基教科' && readBreakdowns(d).get(itemId)?.deadline === '第二季度'
    await waitForDoc(a.doc, both)
    await waitForDoc(b.doc, both)
    const plan = await server.api('GET', `/api/documents/${doc.id}/plan`, { token })
    expect((plan.body as { sections: Array<{ items: Array<{ breakdown?: unknown }> }> }).sections[0].items[0].breakdown).toEqual({ lead: ['基教科'], deadline: '第二季度' })
    a.close()
    b.close()
  })
})

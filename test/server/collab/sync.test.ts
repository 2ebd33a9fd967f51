import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, waitForSync } from '../../utils/collabClient.ts'
import { planOf, textIn } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

describe('collaboration rooms', () => {
  it('gives a first client the whole stored document', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const client = await connectClient(server, doc.id, server.admin.token)
    expect(planOf(client.doc).sections.map((s) => s.heading)).toEqual(districtSeed().sections.map((s) => s.heading))
    expect(planOf(client.doc).sections.flatMap((s) => s.items.map((i) => i.title))).toEqual(districtSeed().sections.flatMap((s) => s.items.map((i) => i.title)))
    client.close()
  })

  it('makes two clients converge on concurrent edits', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    const b = await connectClient(server, doc.id, server.admin.token)
    textIn(a.doc, 'itemTitle', 0).insert(0, '甲')
    textIn(b.doc, 'itemTitle', 0).insert(0, '乙')
    textIn(b.doc, 'itemTitle', 3).insert(0, '丙')
    await waitForDoc(a.doc, (d) => textIn(d, 'itemTitle', 0).toString().includes('乙') && textIn(d, 'itemTitle', 3).toString().includes('丙'))
    await waitForDoc(b.doc, (d) => textIn(d, 'itemTitle', 0).toString().includes('甲'))
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    expect(textIn(a.doc, 'itemTitle', 0).toString()).toBe(textIn(b.doc, 'itemTitle', 0).toString())
    expect(textIn(a.doc, 'itemTitle', 0).toString()).toMatch(/^(甲乙|乙甲)/)
    expect(textIn(a.doc, 'itemTitle', 3).toString()).toMatch(/^丙/)
    expect(planOf(a.doc)).toEqual(planOf(b.doc))
    a.close()
    b.close()
  })

  it('gives a client that joins late every edit made before it came', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    for (let i = 0; i < 20; i++) textIn(a.doc, 'itemTitle', i % 5).insert(0, `改${i}`)
    const b0 = await connectClient(server, doc.id, server.admin.token)
    await waitForDoc(b0.doc, (d) => textIn(d, 'itemTitle', 4).toString().startsWith('改19'))
    b0.close()
    a.close()
    const late = await connectClient(server, doc.id, server.admin.token)
    expect(planOf(late.doc)).toEqual(planOf(a.doc))
    late.close()
  })

  it('keeps everything across a restart and does not duplicate the document when clients resync', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const a = await connectClient(server, doc.id, server.admin.token)
    textIn(a.doc, 'itemTitle', 0).insert(0, '重启前')
    const watcher = await connectClient(server, doc.id, server.admin.token)
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('重启前'))
    watcher.close()
    const before = planOf(a.doc)
    await server.restart()
    // The old client reconnects by itself with its full state; a fresh one joins at the same moment.
    await waitForSync(a)
    const fresh = await connectClient(server, doc.id, server.admin.token)
    expect(planOf(fresh.doc)).toEqual(before)
    const titles = planOf(fresh.doc).sections.flatMap((s) => s.items)
    expect(titles.length).toBe(districtSeed().sections.flatMap((s) => s.items).length)
    a.close()
    fresh.close()
  })
})

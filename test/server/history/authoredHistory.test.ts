import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../shared/api/types.ts'
import { authorsBetween } from '../../../server/history/authorsBetween.ts'
import { planOf, textIn, elementsNamed } from '../../utils/planText.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'

/**
 * Makes an edit and waits until every other client saw it: then it is stored (the server stores
 * before it broadcasts) and the next edit is not concurrent with it.
 */
async function edit(client: TestClient, others: TestClient[], item: number, text: string): Promise<void> {
  const title = textIn(client.doc, 'itemTitle', item)
  title.insert(0, text)
  const expected = title.toString()
  for (const other of others) await waitForDoc(other.doc, (d) => textIn(d, 'itemTitle', item).toString() === expected)
}

async function twoEditors(server: TestServer) {
  const doc = await server.createDocument()
  const zhang = await server.createUser('zhang')
  const li = await server.createUser('li')
  await server.share(doc.id, zhang.user.id, 'editor')
  await server.share(doc.id, li.user.id, 'editor')
  return { doc, zhang, li }
}

describe('authored history', () => {
  it('attributes every stored update to the user who sent it', async () => {
    const server = await startTestServer({ roomIdleMs: 60_000 })
    const { doc, zhang, li } = await twoEditors(server)
    const a = await connectClient(server, doc.id, zhang.token)
    const b = await connectClient(server, doc.id, li.token)
    const watcher = await connectClient(server, doc.id, server.admin.token)
    await edit(a, [b, watcher], 0, '张一')
    await edit(b, [a, watcher], 3, '李一')
    await edit(a, [b, watcher], 1, '张二')

    const history = await server.api<HistoryEntry[]>('GET', `/api/documents/${doc.id}/history`, { token: zhang.token })
    const authors = history.body.map((e) => e.userName)
    expect(authors).toEqual(['管理员', 'zhang', 'li', 'zhang'])
    expect(history.body.map((e) => e.seq)).toEqual([1, 2, 3, 4])
    expect(history.body.every((e) => e.bytes > 0 && !Number.isNaN(Date.parse(e.at)))).toBe(true)
    for (const c of [a, b, watcher]) c.close()
  })

  it('tells per plan item which users changed it between two points, also after compaction', async () => {
    const server = await startTestServer()
    const { doc, zhang, li } = await twoEditors(server)
    const a = await connectClient(server, doc.id, zhang.token)
    const b = await connectClient(server, doc.id, li.token)
    const watcher = await connectClient(server, doc.id, server.admin.token)
    const itemIds = elementsNamed(watcher.doc, 'item').map((el) => el.getAttribute('id') as string)
    await edit(a, [b, watcher], 0, '张')
    await edit(a, [b, watcher], 0, '张')
    await edit(b, [a, watcher], 0, '李')
    await edit(b, [a, watcher], 5, '李')
    // Li deletes item 8 as a whole.
    const eighth = elementsNamed(b.doc, 'item')[8]
    const parent = eighth.parent as import('yjs').XmlElement
    parent.delete(parent.toArray().indexOf(eighth), 1)
    await waitForDoc(watcher.doc, () => elementsNamed(watcher.doc, 'item').length === itemIds.length - 1)

    const check = async (): Promise<void> => {
      await server.services.rooms.get(doc.id)?.flushed()
      const changes = await authorsBetween(server.services.storage, doc.id, 1)
      const who = (id: string): string[] => (changes.get(id)?.authors ?? []).map((x) => x.userId).sort()
      expect(who(itemIds[0])).toEqual([zhang.user.id, li.user.id].sort())
      expect(changes.get(itemIds[0])?.authors.find((x) => x.userId === zhang.user.id)?.updates).toBe(2)
      expect(who(itemIds[5])).toEqual([li.user.id])
      expect(who(itemIds[8])).toEqual([li.user.id])
      expect(changes.get(itemIds[8])?.nodeName).toBe('item')
      expect(who(itemIds[1])).toEqual([])
      // Nothing happened between the last update and itself.
      const seq = await server.services.storage.lastSeq(doc.id)
      expect((await authorsBetween(server.services.storage, doc.id, seq)).size).toBe(0)
    }
    await check()
    const plan = planOf(watcher.doc)
    for (const c of [a, b, watcher]) c.close()
    // The room unloads (compacting the log: Zhang's two updates merge) and the answer is the same.
    await waitFor(() => server.logs.some((l) => l.includes('room.unload') && l.includes(`doc=${doc.id}`)))
    const entries = await server.services.storage.readUpdates(doc.id)
    expect(entries.map((e) => [e.userId, e.count])).toEqual([
      [server.admin.user.id, 1],
      [zhang.user.id, 2],
      [li.user.id, 3],
    ])
    await check()
    const again = await connectClient(server, doc.id, server.admin.token)
    expect(planOf(again.doc)).toEqual(plan)
    again.close()
  })
})

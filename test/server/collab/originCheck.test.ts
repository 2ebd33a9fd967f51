import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { updateMessage } from '../../../server/collab/protocol.ts'
import { originProblem } from '../../../server/collab/originCheck.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { planOf, textIn } from '../../utils/planText.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

/** A document with two texts, and a replica of it. */
function pair(): { doc: Y.Doc; replica: Y.Doc } {
  const doc = new Y.Doc()
  doc.getText('a').insert(0, 'abc')
  doc.getText('b').insert(0, 'xyz')
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
  return { doc, replica }
}

/** The update of `edit` on the replica, with the new item's right origin replaced by `rightOrigin(replica, item)` when given. */
function forged(replica: Y.Doc, edit: (d: Y.Doc) => void, rightOrigin?: (d: Y.Doc, item: Y.Item) => Y.ID | null): Uint8Array {
  const before = Y.encodeStateVector(replica)
  edit(replica)
  const structs = replica.store.clients.get(replica.clientID) ?? []
  const item = structs[structs.length - 1] as Y.Item
  if (rightOrigin) item.rightOrigin = rightOrigin(replica, item)
  return Y.encodeStateAsUpdate(replica, before)
}

/** The items the update added to `doc`, each with what originProblem says of it. */
function problemsOnApply(doc: Y.Doc, update: Uint8Array): Array<string | null> {
  const out: Array<string | null> = []
  doc.once('afterTransaction', (tr: Y.Transaction) => {
    for (const [client, end] of tr.afterState) {
      const start = tr.beforeState.get(client) ?? 0
      for (const s of doc.store.clients.get(client) ?? []) if (s.id.clock >= start && s.id.clock < end && s instanceof Y.Item) out.push(originProblem(s))
    }
  })
  Y.applyUpdate(doc, update)
  return out
}

const firstItemOf = (d: Y.Doc, name: string): Y.ID => (d.getText(name) as unknown as { _start: Y.Item })._start.id

describe('the origin check', () => {
  it('accepts what a real client sends: inserts in the middle, at the end and at the start', () => {
    const { doc, replica } = pair()
    expect(
      problemsOnApply(
        doc,
        forged(replica, (d) => d.getText('a').insert(1, '中')),
      ),
    ).toEqual([null])
    expect(
      problemsOnApply(
        doc,
        forged(replica, (d) => d.getText('a').insert(4, '尾')),
      ),
    ).toEqual([null])
    expect(
      problemsOnApply(
        doc,
        forged(replica, (d) => d.getText('b').insert(0, '首')),
      ),
    ).toEqual([null])
    expect(doc.getText('a').toString()).toBe('a中bc尾')
  })

  it('accepts concurrent inserts at the same place from two clients, in either order', () => {
    const { doc, replica } = pair()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const one = forged(replica, (d) => d.getText('a').insert(1, '甲'))
    const two = forged(other, (d) => d.getText('a').insert(1, '乙乙'))
    expect([...problemsOnApply(doc, one), ...problemsOnApply(doc, two)]).toEqual([null, null])
    expect([...problemsOnApply(copy, two), ...problemsOnApply(copy, one)]).toEqual([null, null])
    expect(copy.getText('a').toString()).toBe(doc.getText('a').toString())
  })

  it('refuses an item whose right origin is in another text', () => {
    const { doc, replica } = pair()
    const update = forged(
      replica,
      (d) => d.getText('a').insert(1, '错'),
      (d) => firstItemOf(d, 'b'),
    )
    expect(problemsOnApply(doc, update)).toEqual(['an item whose right origin is not to its right'])
  })

  it('refuses an item whose right origin is left of its left origin in the same text', () => {
    const { doc, replica } = pair()
    // Inserted after "c" but claiming "a" as the character to its right.
    const update = forged(
      replica,
      (d) => d.getText('a').insert(3, '错'),
      (d) => firstItemOf(d, 'a'),
    )
    expect(problemsOnApply(doc, update)).toEqual(['an item whose right origin is not to its right'])
  })

  it('refuses an item that names one character as both its left and its right origin', () => {
    const { doc, replica } = pair()
    // The fuzz test's case: typed after "b" but also claiming "b" as its right neighbour, Yjs puts it before "b".
    const update = forged(
      replica,
      (d) => d.getText('a').insert(2, '错'),
      (_d, item) => item.origin,
    )
    expect(problemsOnApply(doc, update)).toEqual(['an item whose left origin is not to its left'])
  })

  it('finds a right origin inside a run of characters that was split', () => {
    const { doc, replica } = pair()
    // "abc" is one item; inserting after "a" splits it, and the right origin is the "b" inside it.
    const update = forged(replica, (d) => d.getText('a').insert(1, '中'))
    const item = (() => {
      Y.applyUpdate(doc, update)
      const structs = doc.store.clients.get(replica.clientID) ?? []
      return structs[structs.length - 1] as Y.Item
    })()
    expect(item.rightOrigin?.clock).toBe(1)
    expect(originProblem(item)).toBeNull()
  })
})

describe('an editor socket sending an item with a forged right origin', () => {
  it('is closed with 4400 and nobody sees the item, while a real edit next to it goes through', async () => {
    const server = await startTestServer()
    const created = await server.createDocument()
    const editor = await connectClient(server, created.id, server.admin.token)
    const reader = await connectClient(server, created.id, server.admin.token)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(editor.doc))
    // Typed into the first lead sentence, but naming a character of the second as its right neighbour.
    const update = forged(
      replica,
      (d) => textIn(d, 'itemTitle', 0).insert(1, '伪'),
      (d) => (textIn(d, 'itemTitle', 1) as unknown as { _start: Y.Item })._start.id,
    )
    const socket = openSocket(server, created.id, server.admin.token)
    await socket.opened
    socket.send(updateMessage(update))
    // Without the check the item is accepted and lands somewhere in the first lead sentence.
    const outcome = await Promise.race([socket.closed.then(({ code }) => code), waitForDoc(reader.doc, (d) => textIn(d, 'itemTitle', 0).toString().includes('伪')).then(() => 'accepted')])
    expect(outcome).toBe(CLOSE.malformed)

    textIn(editor.doc, 'itemTitle', 0).insert(1, '真')
    await waitForDoc(reader.doc, (d) => textIn(d, 'itemTitle', 0).toString().includes('真'))
    expect(textIn(reader.doc, 'itemTitle', 0).toString()).not.toContain('伪')
    expect(
      planOf(reader.doc)
        .sections.flatMap((s) => s.items)
        .some((i) => i.title.includes('伪')),
    ).toBe(false)
    expect(server.logs.some((l) => l.includes('right origin'))).toBe(true)
    editor.close()
    reader.close()
  })
})

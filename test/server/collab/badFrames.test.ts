import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CLOSE, MAX_FRAME_BYTES } from '../../../shared/api/closeCodes.ts'
import { PLAN_FIELD } from '../../../shared/collab/ydoc.ts'
import { loadDocumentState } from '../../../server/storage/documentState.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, type)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

/** An update made on a copy of the server's document. */
async function updateOn(server: TestServer, docId: string, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = await storedDoc(server.services.storage, docId)
  const sv = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, sv)
}

async function closeCodeAfter(server: TestServer, docId: string, token: string, frame: Uint8Array): Promise<number> {
  const socket = openSocket(server, docId, token)
  await socket.opened
  socket.send(frame)
  return (await socket.closed).code
}

describe('frames the server must refuse', () => {
  it('closes only the offending connection, with the right code, and leaves the document as it was', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    const editor = await connectClient(server, doc.id, token)
    const watcher = await connectClient(server, doc.id, token)
    const before = await loadDocumentState(server.services.storage, doc.id)

    const schemaBreaking = await updateOn(server, doc.id, (d) => d.getXmlFragment(PLAN_FIELD).insert(0, [new Y.XmlElement('script')]))
    const textInSection = await updateOn(server, doc.id, (d) =>
      (
        d
          .getXmlFragment(PLAN_FIELD)
          .toArray()
          .find((n) => n instanceof Y.XmlElement && n.nodeName === 'section') as Y.XmlElement
      ).insert(0, [new Y.XmlText('游离文字')]),
    )
    const unknownMark = await updateOn(server, doc.id, (d) => textIn(d, 'itemTitle', 0).format(0, 2, { blink: {} }))
    const boldMark = await updateOn(server, doc.id, (d) => textIn(d, 'itemTitle', 0).format(0, 2, { bold: {} }))
    const markWithAuthor = await updateOn(server, doc.id, (d) => textIn(d, 'itemTitle', 0).format(0, 2, { insertion: { id: 'abc', author: '冒充者' } }))
    const badSuggestion = await updateOn(server, doc.id, (d) =>
      (
        d
          .getXmlFragment(PLAN_FIELD)
          .toArray()
          .find((n) => n instanceof Y.XmlElement && n.nodeName === 'section') as Y.XmlElement
      ).setAttribute('suggestion', 'rename:abc'),
    )
    const unknownAttribute = await updateOn(server, doc.id, (d) =>
      (
        d
          .getXmlFragment(PLAN_FIELD)
          .toArray()
          .find((n) => n instanceof Y.XmlElement && n.nodeName === 'section') as Y.XmlElement
      ).setAttribute('onclick', 'x'),
    )
    const cases: Array<[string, Uint8Array, number]> = [
      ['an unknown message type', new Uint8Array([9, 1, 2]), CLOSE.malformed],
      ['an empty frame', new Uint8Array([]), CLOSE.malformed],
      ['an unknown sync message', new Uint8Array([0, 7, 0]), CLOSE.malformed],
      ['a truncated update', new Uint8Array([0, 2, 50, 1, 2]), CLOSE.malformed],
      ['a length that overflows', new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), CLOSE.malformed],
      ['trailing bytes after a message', new Uint8Array([...syncFrame(0, Y.encodeStateVector(new Y.Doc())), 0]), CLOSE.malformed],
      ['a state vector that does not decode', syncFrame(0, new Uint8Array([5, 1])), CLOSE.malformed],
      ['an update of random bytes', syncFrame(2, new Uint8Array([1, 1, 200, 3, 9, 9, 9, 9, 9, 1, 0])), CLOSE.malformed],
      ['awareness that is not JSON', new Uint8Array([1, 6, 1, 7, 1, 2, 0x7b, 0x7b]), CLOSE.malformed],
      ['an element the schema does not know', syncFrame(2, schemaBreaking), CLOSE.malformed],
      ['text directly inside a section', syncFrame(2, textInSection), CLOSE.malformed],
      ['a mark the schema does not know', syncFrame(2, unknownMark), CLOSE.malformed],
      ['a bold mark (the plan has no character formatting)', syncFrame(2, boldMark), CLOSE.malformed],
      ['a review mark carrying more than an id', syncFrame(2, markWithAuthor), CLOSE.malformed],
      ['a structural suggestion of an unknown kind', syncFrame(2, badSuggestion), CLOSE.malformed],
      ['an attribute the schema does not know', syncFrame(1, unknownAttribute), CLOSE.malformed],
      ['a frame over the size limit', new Uint8Array(MAX_FRAME_BYTES + 1), CLOSE.tooLarge],
    ]
    for (const [what, frame, code] of cases) {
      expect(await closeCodeAfter(server, doc.id, token, frame), what).toBe(code)
    }
    const text = await openSocket(server, doc.id, token)
    await text.opened
    text.ws.send('hello')
    expect((await text.closed).code).toBe(CLOSE.malformed)

    // Nothing was stored, the good clients stayed connected and still collaborate.
    await server.services.rooms.get(doc.id)?.flushed()
    const after = await loadDocumentState(server.services.storage, doc.id)
    expect(after.seq).toBe(before.seq)
    expect(server.services.rooms.get(doc.id)?.seq).toBe(before.seq)
    expect(editor.provider.wsconnected && watcher.provider.wsconnected).toBe(true)
    textIn(editor.doc, 'itemTitle', 0).insert(0, '仍然可用')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('仍然可用'))
    expect(
      watcher.doc
        .getXmlFragment(PLAN_FIELD)
        .toArray()
        .some((n) => n instanceof Y.XmlElement && n.nodeName === 'script'),
    ).toBe(false)
    expect(server.logs.filter((l) => l.includes('ws.rejected')).length).toBeGreaterThanOrEqual(cases.length - 1)
    editor.close()
    watcher.close()
  })

  it('accepts a valid update sent by hand, stores it and broadcasts it', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const watcher = await connectClient(server, doc.id, server.admin.token)
    const update = await updateOn(server, doc.id, (d) => textIn(d, 'itemTitle', 0).insert(0, '手工帧'))
    const socket = openSocket(server, doc.id, server.admin.token)
    await socket.opened
    socket.send(syncFrame(2, update))
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('手工帧'))
    await server.services.rooms.get(doc.id)?.flushed()
    expect(await server.services.storage.lastSeq(doc.id)).toBe(2)
    socket.ws.close()
    watcher.close()
  })
})

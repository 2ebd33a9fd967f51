import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { updateMessage } from '../../../server/collab/protocol.ts'
import { PLAN_FIELD } from '../../../shared/collab/ydoc.ts'
import { DEFAULT_PLAN_LIMITS } from '../../../shared/plan/limits.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { openSocket } from '../../utils/rawSocket.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

/** An update made on a copy of the server's document. */
async function updateOn(server: TestServer, docId: string, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = await storedDoc(server.services.storage, docId)
  const sv = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, sv)
}

function block(name: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement(name)
  el.insert(0, [new Y.XmlText(text)])
  return el
}

function section(n: number): Y.XmlElement {
  const s = new Y.XmlElement('section')
  s.setAttribute('id', `flood${n}`)
  s.insert(0, [block('sectionHeading', `部分${n}`)])
  return s
}

const shapes: Array<[string, (doc: Y.Doc) => void, number]> = [
  ['a second plan title', (d) => d.getXmlFragment(PLAN_FIELD).insert(2, [block('planTitle', '第二个标题')]), CLOSE.malformed],
  ['a paragraph before an item’s lead sentence', (d) => elementsNamed(d, 'item')[0].insert(0, [block('paragraph', '在引领句之前')]), CLOSE.malformed],
  [
    'an item without a lead sentence',
    (d) =>
      elementsNamed(d, 'section')[0].insert(1, [
        (() => {
          const i = new Y.XmlElement('item')
          i.insert(0, [block('paragraph', '只有正文')])
          return i
        })(),
      ]),
    CLOSE.malformed,
  ],
  ['the deletion of an item’s lead sentence', (d) => elementsNamed(d, 'item')[0].delete(0, 1), CLOSE.malformed],
  [
    'the deletion of the plan title',
    (d) => d.getXmlFragment(PLAN_FIELD).delete(elementsNamed(d, 'planTitle')[0] ? d.getXmlFragment(PLAN_FIELD).toArray().indexOf(elementsNamed(d, 'planTitle')[0]) : 0, 1),
    CLOSE.malformed,
  ],
  [
    'a section heading after the section’s items',
    (d) => {
      const s = elementsNamed(d, 'section')[0]
      s.insert(s.length, [block('sectionHeading', '又一个标题')])
    },
    CLOSE.malformed,
  ],
  ['a string of 2 MB under a root type the plan does not use', (d) => d.getMap('attack').set('x', 'x'.repeat(2_000_000)), CLOSE.malformed],
  ['a long string in the meta map', (d) => d.getMap('meta').set('issuer', '局'.repeat(DEFAULT_PLAN_LIMITS.titleChars + 1)), CLOSE.malformed],
  ['a links entry that is not a link record', (d) => d.getMap('links').set('a→b', { status: 'accepted', payload: 'x' }), CLOSE.malformed],
  ['a 200,000-character plan title', (d) => textIn(d, 'planTitle', 0).insert(0, '长'.repeat(200_000)), CLOSE.tooLarge],
  ['an item longer than the item limit', (d) => textIn(d, 'itemTitle', 0).insert(0, '长'.repeat(DEFAULT_PLAN_LIMITS.itemChars + 1)), CLOSE.tooLarge],
  [
    '10,000 sections in one update',
    (d) =>
      d.getXmlFragment(PLAN_FIELD).insert(
        3,
        Array.from({ length: 10_000 }, (_, n) => section(n)),
      ),
    CLOSE.tooLarge,
  ],
]

describe('the update check refuses what would damage a plan', () => {
  it('closes the sender with 4400 or 4413 for each damaging shape, and the document, its plan and its export stay as they were', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    const watcher = await connectClient(server, doc.id, token)
    const plan = await server.api('GET', `/api/documents/${doc.id}/plan`, { token })
    const seq = server.services.rooms.get(doc.id)?.seq
    for (const [what, change, code] of shapes) {
      const update = await updateOn(server, doc.id, change)
      const socket = openSocket(server, doc.id, token)
      await socket.opened
      socket.send(updateMessage(update))
      expect((await socket.closed).code, what).toBe(code)
    }
    expect(server.services.rooms.get(doc.id)?.seq).toBe(seq)
    expect((await server.api('GET', `/api/documents/${doc.id}/plan`, { token })).body).toEqual(plan.body)
    const exported = await fetch(`${server.url}/api/documents/${doc.id}/export.docx`, { headers: { authorization: `Bearer ${token}` } })
    expect(exported.status).toBe(200)
    expect((await exported.arrayBuffer()).byteLength).toBeGreaterThan(1000)
    // The watcher saw none of it and still collaborates.
    expect(elementsNamed(watcher.doc, 'planTitle')).toHaveLength(1)
    expect(watcher.doc.share.has('attack')).toBe(false)
    const editor = await connectClient(server, doc.id, token)
    textIn(editor.doc, 'itemTitle', 0).insert(0, '仍然可用')
    await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('仍然可用'))
    editor.close()
    watcher.close()
  })

  it('accepts well-formed structure: a new item with its lead sentence, a new section, a confirmed link', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const token = server.admin.token
    const watcher = await connectClient(server, doc.id, token)
    const update = await updateOn(server, doc.id, (d) => {
      const item = new Y.XmlElement('item')
      item.setAttribute('id', 'inew')
      item.insert(0, [block('itemTitle', '新增一条。'), block('paragraph', '正文。')])
      elementsNamed(d, 'section')[0].insert(1, [item])
      d.getXmlFragment(PLAN_FIELD).insert(3, [section(1)])
      d.getMap('links').set('inew→m1', { status: 'accepted', by: 'u1', at: '2026-01-01T00:00:00Z', districtHash: 'a', municipalHash: 'b' })
    })
    const socket = openSocket(server, doc.id, token)
    await socket.opened
    socket.send(updateMessage(update))
    await waitForDoc(watcher.doc, (d) => elementsNamed(d, 'item').some((i) => i.getAttribute('id') === 'inew') && d.getMap('links').has('inew→m1'))
    socket.ws.close()
    watcher.close()
  })

  it('reads its limits from PLAN_LIMIT_* when the server starts: with PLAN_LIMIT_SECTIONS=9 a ninth section is taken and a tenth refused with 4413', async () => {
    process.env.PLAN_LIMIT_SECTIONS = '9'
    const server = await startTestServer().finally(() => delete process.env.PLAN_LIMIT_SECTIONS)
    const doc = await server.createDocument()
    const token = server.admin.token
    const watcher = await connectClient(server, doc.id, token)
    const send = async (n: number): Promise<ReturnType<typeof openSocket>> => {
      const update = await updateOn(server, doc.id, (d) => d.getXmlFragment(PLAN_FIELD).insert(3, [section(n)]))
      const socket = openSocket(server, doc.id, token)
      await socket.opened
      socket.send(updateMessage(update))
      return socket
    }
    const ninth = await send(9)
    await waitForDoc(watcher.doc, (d) => elementsNamed(d, 'section').length === 9)
    ninth.ws.close()
    expect((await (await send(10)).closed).code).toBe(CLOSE.tooLarge)
    expect(elementsNamed(watcher.doc, 'section')).toHaveLength(9)
    watcher.close()
  })
})

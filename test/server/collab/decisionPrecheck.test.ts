import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { readDecisions } from '../../../shared/review/suggestDecisions.ts'
import { readStamp } from '../../../shared/review/suggestStamps.ts'
import { mayDecide } from '../../../server/collab/decisionPrecheck.ts'
import { planBeforeDecisions } from '../../../server/collab/decisionRecorder.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

/** A server-side copy and an editor's replica of the district plan, with a 修订 insertion in item 1's lead sentence and an item suggested for deletion (item 3). */
function setUp(): { server: Y.Doc; editor: Y.Doc } {
  const server = new Y.Doc()
  writePlan(server, districtSeed())
  textIn(server, 'itemTitle', 0).insert(2, '建议新增', { insertion: { id: 'gins00001' } })
  elementsNamed(server, 'item')[2].setAttribute('suggestion', 'delete:gdel00001')
  const editor = new Y.Doc()
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server))
  return { server, editor }
}

/** The update an edit of the editor's replica sends. */
function updateOf(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const keep = (u: Uint8Array): void => void updates.push(u)
  doc.on('update', keep)
  edit()
  doc.off('update', keep)
  expect(updates).toHaveLength(1)
  return updates[0]
}

/** The pre-check's answer for one edit of a fresh editor replica, against the server's copy before it. */
function decides(edit: (editor: Y.Doc) => void, prepare?: (server: Y.Doc) => void): boolean {
  const { server, editor } = setUp()
  if (prepare) {
    prepare(server)
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server, Y.encodeStateVector(editor)))
  }
  return mayDecide(server, updateOf(editor, () => edit(editor)))
}

/** Removes an element from its parent. */
function remove(el: Y.XmlElement): void {
  const parent = el.parent as Y.XmlElement | Y.XmlFragment
  parent.delete(parent.toArray().indexOf(el), 1)
}

describe('whether an editor’s update may decide a 修订 suggestion, before reading the plan', () => {
  it('says no for a backspace in a paragraph without 修订, for typing, and for bytes that are not an update', () => {
    expect(decides((editor) => textIn(editor, 'itemTitle', 5).delete(1, 1))).toBe(false)
    expect(decides((editor) => textIn(editor, 'itemTitle', 0).insert(0, '字'))).toBe(false)
    expect(mayDecide(setUp().server, new Uint8Array([1, 2, 3]))).toBe(false)
  })

  it('says yes for a deletion of marked text, and no for unmarked text right beside the mark in the same paragraph', () => {
    // Item 1's lead sentence: two characters, then 建议新增 (positions 2–5) marked as an insertion.
    for (const at of [2, 3, 5]) expect(decides((editor) => textIn(editor, 'itemTitle', 0).delete(at, 1)), `delete at ${at}`).toBe(true)
    expect(decides((editor) => textIn(editor, 'itemTitle', 0).delete(0, 3)), 'a range ending in the mark').toBe(true)
    for (const at of [0, 1, 6, 8]) expect(decides((editor) => textIn(editor, 'itemTitle', 0).delete(at, 1)), `delete at ${at}`).toBe(false)
  })

  it('says yes for deleting over a whole suggestion, and for taking its mark away', () => {
    expect(decides((editor) => textIn(editor, 'itemTitle', 0).delete(2, 4))).toBe(true)
    expect(decides((editor) => textIn(editor, 'itemTitle', 0).format(2, 4, { insertion: null }))).toBe(true)
  })

  it('says yes for deleting a whole item whose text has 修订 marks, and a section holding it', () => {
    expect(decides((editor) => remove(elementsNamed(editor, 'item')[0]))).toBe(true)
    expect(decides((editor) => remove(elementsNamed(editor, 'section')[0]))).toBe(true)
    // A whole item without any suggestion, in a section without one either, cannot decide anything.
    expect(decides((editor) => remove(elementsNamed(editor, 'item').slice(-1)[0]))).toBe(false)
  })

  it('says yes for deleting an item suggested for deletion, and for clearing or changing its suggestion attribute', () => {
    expect(decides((editor) => remove(elementsNamed(editor, 'item')[2]))).toBe(true)
    expect(decides((editor) => elementsNamed(editor, 'item')[2].removeAttribute('suggestion'))).toBe(true)
    expect(decides((editor) => elementsNamed(editor, 'item')[2].setAttribute('suggestion', 'move:gdel00001'))).toBe(true)
  })

  it('says yes for a mark kept under a hashed key (overlapping marks)', () => {
    const hashed = (server: Y.Doc): void => textIn(server, 'itemTitle', 4).format(0, 2, { 'deletion--AbCd1234': { id: 'ghash0001' } })
    expect(decides((editor) => textIn(editor, 'itemTitle', 4).delete(1, 1), hashed)).toBe(true)
    expect(decides((editor) => textIn(editor, 'itemTitle', 4).delete(5, 1), hashed)).toBe(false)
  })
})

describe('decisions through a real server with the pre-check', () => {
  it('reads no plan for an editor’s backspace far from 修订, records nothing for it, and still records a rejection by deletion', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const rev = await server.createUser('shenyue')
    await server.share(doc.id, rev.user.id, 'reviewer')
    const ed = await server.createUser('bianji')
    await server.share(doc.id, ed.user.id, 'editor')
    const editor = await connectClient(server, doc.id, ed.token)
    const reviewer = await connectClient(server, doc.id, rev.token)
    textIn(reviewer.doc, 'itemTitle', 0).insert(0, '另行表述', { insertion: { id: 'greject01' } })
    await waitForDoc(editor.doc, (d) => readStamp(d, 'greject01') !== undefined)
    const room = server.services.rooms.get(doc.id)
    if (!room) throw new Error('room not open')

    // The pre-check against the server's own room, on updates made in a replica the server has not seen.
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(editor.doc))
    expect(planBeforeDecisions(room, updateOf(replica, () => textIn(replica, 'itemTitle', 6).delete(1, 1)))).toBeNull()
    expect(planBeforeDecisions(room, updateOf(replica, () => textIn(replica, 'itemTitle', 0).delete(0, 4)))).not.toBeNull()

    // The editor's backspace far away, then their rejection: one record, the rejection's.
    const seq = room.seq
    textIn(editor.doc, 'itemTitle', 6).delete(1, 1)
    await waitForDoc(reviewer.doc, () => room.seq > seq)
    expect(readDecisions(reviewer.doc).size).toBe(0)
    textIn(editor.doc, 'itemTitle', 0).delete(0, 4)
    await waitForDoc(reviewer.doc, (d) => readDecisions(d).size === 1)
    expect(readDecisions(reviewer.doc).get('greject01')).toMatchObject({ decision: 'rejected', by: { id: ed.user.id } })
  })
})

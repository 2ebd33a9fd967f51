import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PLAN_FIELD, writePlan } from '../../../shared/collab/ydoc.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { readDecisions } from '../../../shared/review/suggestDecisions.ts'
import { scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { readStamp } from '../../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../../shared/review/suggestYdoc.ts'
import { mayDecide } from '../../../server/collab/decisionPrecheck.ts'
import { planBeforeDecisions } from '../../../server/collab/decisionRecorder.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { waitForDoc } from '../../utils/waitFor.ts'
import { startReviewTeam } from './reviewTeam.ts'

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
  return mayDecide(
    server,
    updateOf(editor, () => edit(editor)),
  )
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
    for (const at of [2, 3, 5])
      expect(
        decides((editor) => textIn(editor, 'itemTitle', 0).delete(at, 1)),
        `delete at ${at}`,
      ).toBe(true)
    expect(
      decides((editor) => textIn(editor, 'itemTitle', 0).delete(0, 3)),
      'a range ending in the mark',
    ).toBe(true)
    for (const at of [0, 1, 6, 8])
      expect(
        decides((editor) => textIn(editor, 'itemTitle', 0).delete(at, 1)),
        `delete at ${at}`,
      ).toBe(false)
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

describe('the pre-check against the plan itself', () => {
  const random = seededRandom()
  it(`never says no for an update after which a suggestion is gone, over 300 seeded random edits (TEST_SEED=${random.seed})`, () => {
    const { server, editor } = setUp()
    const ids = (doc: Y.Doc): Set<string> => new Set(scanSuggestions(pmDocOfFragment(doc.getXmlFragment(PLAN_FIELD), planSchema())).map((p) => p.id))
    const said = { yes: 0, no: 0 }
    const updates: Uint8Array[] = []
    editor.on('update', (u: Uint8Array) => void updates.push(u))
    for (let round = 0; round < 300; round++) {
      const texts = elementsNamed(editor, 'itemTitle').map((_, n) => textIn(editor, 'itemTitle', n))
      const text = texts[random.int(texts.length)]
      // Empty text can only be typed into; whole items go only while enough are left to edit in.
      const pick = !text.length ? 7 : elementsNamed(editor, 'item').length > 8 ? random.int(10) : 1 + random.int(9)
      updates.length = 0
      const items = elementsNamed(editor, 'item')
      if (pick === 0) remove(items[random.int(items.length)])
      else if (pick === 1) text.insert(random.int(text.length + 1), '议', { insertion: { id: `gfz${round}` } })
      else if (pick === 2) text.format(random.int(text.length), 1, { deletion: { id: `gfd${round}` } })
      else if (pick === 3) text.format(0, text.length, { insertion: null })
      else if (pick < 7) text.delete(random.int(text.length), 1 + random.int(Math.min(3, text.length)))
      else text.insert(random.int(text.length + 1), '工作')
      for (const update of updates) {
        const before = ids(server)
        const may = mayDecide(server, update)
        Y.applyUpdate(server, update)
        const after = ids(server)
        said[may ? 'yes' : 'no']++
        if (!may)
          expect(
            [...before].filter((id) => !after.has(id)),
            `round ${round}`,
          ).toEqual([])
      }
    }
    // Both answers occur, or the run proves nothing.
    expect(said.yes).toBeGreaterThan(10)
    expect(said.no).toBeGreaterThan(10)
  })
})

describe('decisions through a real server with the pre-check', () => {
  it('reads no plan for an editor’s backspace far from 修订, records nothing for it, and still records a rejection by deletion', async () => {
    const { server, docId, editor, reviewer, editorId } = await startReviewTeam()
    textIn(reviewer.doc, 'itemTitle', 0).insert(0, '另行表述', { insertion: { id: 'greject01' } })
    await waitForDoc(editor.doc, (d) => readStamp(d, 'greject01') !== undefined)
    const room = server.services.rooms.get(docId)
    if (!room) throw new Error('room not open')

    // The pre-check against the server's own room, on updates made in a replica the server has not seen.
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(editor.doc))
    expect(
      planBeforeDecisions(
        room,
        updateOf(replica, () => textIn(replica, 'itemTitle', 6).delete(1, 1)),
      ),
    ).toBeNull()
    expect(
      planBeforeDecisions(
        room,
        updateOf(replica, () => textIn(replica, 'itemTitle', 0).delete(0, 4)),
      ),
    ).not.toBeNull()

    // The editor's backspace far away, then their rejection: one record, the rejection's.
    const seq = room.seq
    textIn(editor.doc, 'itemTitle', 6).delete(1, 1)
    await waitForDoc(reviewer.doc, () => room.seq > seq)
    expect(readDecisions(reviewer.doc).size).toBe(0)
    textIn(editor.doc, 'itemTitle', 0).delete(0, 4)
    await waitForDoc(reviewer.doc, (d) => readDecisions(d).size === 1)
    expect(readDecisions(reviewer.doc).get('greject01')).toMatchObject({ decision: 'rejected', by: { id: editorId } })
  })
})

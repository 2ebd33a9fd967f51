import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { reviewRoot, SUGGESTIONS_KEY } from '../../../shared/review/reviewRoot.ts'
import { readStamp } from '../../../shared/review/suggestStamps.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { waitFor, waitForDoc } from '../../utils/waitFor.ts'
import { startReviewTeam } from './reviewTeam.ts'

/** Waits until the document holds the suggestion's stamp and returns its author's id. */
async function stampOf(doc: Y.Doc, id: string): Promise<string> {
  await waitForDoc(doc, (d) => readStamp(d, id) !== undefined)
  return readStamp(doc, id)?.author.id ?? ''
}

describe('reviewers suggest through the server’s update check', () => {
  it('refuses a reviewer’s direct text edit with 4400 and leaves the document unchanged', async () => {
    const { server, docId, editor, reviewer } = await startReviewTeam()
    const seq = server.services.rooms.get(docId)?.seq
    const before = textIn(editor.doc, 'itemTitle', 0).toString()
    textIn(reviewer.doc, 'itemTitle', 0).insert(0, '直接改写')
    expect((await reviewer.closed).code).toBe(CLOSE.malformed)
    expect(server.services.rooms.get(docId)?.seq).toBe(seq)
    expect(textIn(editor.doc, 'itemTitle', 0).toString()).toBe(before)
    expect(server.logs.some((l) => l.includes('ws.rejected') && l.includes('not as a suggestion'))).toBe(true)
  })

  it('accepts a reviewer’s suggested insertion and deletion and stamps them with the reviewer’s account', async () => {
    const { editor, reviewer, reviewerId } = await startReviewTeam()
    const title = textIn(reviewer.doc, 'itemTitle', 0)
    title.insert(0, '建议新增', { insertion: { id: 'grevins01' } })
    title.format(6, 2, { deletion: { id: 'grevdel01' } })
    await waitForDoc(editor.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('<insertion id="grevins01">建议新增'))
    expect(await stampOf(editor.doc, 'grevins01')).toBe(reviewerId)
    expect(await stampOf(editor.doc, 'grevdel01')).toBe(reviewerId)
    expect(readStamp(editor.doc, 'grevins01')?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(reviewer.provider.wsconnected).toBe(true)
  })

  it('refuses a reviewer’s update that writes its own stamp (author and time come from the server only)', async () => {
    const { server, docId, reviewer } = await startReviewTeam()
    const seq = server.services.rooms.get(docId)?.seq
    reviewer.doc.transact(() => {
      textIn(reviewer.doc, 'itemTitle', 0).insert(0, '建议', { insertion: { id: 'gforged01' } })
      const map = new Y.Map<unknown>()
      map.set('gforged01', { author: { id: 'someone-else', name: '冒充' }, createdAt: '2020-01-01T00:00:00.000Z' })
      reviewRoot(reviewer.doc).set(SUGGESTIONS_KEY, map)
    })
    expect((await reviewer.closed).code).toBe(CLOSE.malformed)
    expect(server.services.rooms.get(docId)?.seq).toBe(seq)
  })

  it('lets a reviewer withdraw their own suggestion but not accept, reject or change an editor’s', async () => {
    const { server, docId, editor, reviewer, editorId } = await startReviewTeam()
    textIn(editor.doc, 'itemTitle', 1).insert(0, '编辑建议', { insertion: { id: 'geditor01' } })
    expect(await stampOf(reviewer.doc, 'geditor01')).toBe(editorId)
    textIn(reviewer.doc, 'itemTitle', 0).insert(0, '我的建议', { insertion: { id: 'gmine0001' } })
    await waitForDoc(editor.doc, (d) => textIn(d, 'itemTitle', 0).toString().includes('我的建议'))
    // Withdrawing one's own: the suggested text goes.
    textIn(reviewer.doc, 'itemTitle', 0).delete(0, 4)
    await waitForDoc(editor.doc, (d) => !textIn(d, 'itemTitle', 0).toString().includes('我的建议'))
    expect(reviewer.provider.wsconnected).toBe(true)
    // Accepting the editor's suggestion (removing its mark) is for editors and owners.
    const seq = server.services.rooms.get(docId)?.seq
    textIn(reviewer.doc, 'itemTitle', 1).format(0, 4, { insertion: null })
    expect((await reviewer.closed).code).toBe(CLOSE.malformed)
    expect(server.services.rooms.get(docId)?.seq).toBe(seq)
    expect(textIn(editor.doc, 'itemTitle', 1).toString()).toContain('<insertion id="geditor01">编辑建议</insertion>')
  })

  it('accepts a reviewer’s insertion typed into the middle of an editor’s suggestion (the editor’s stays as it was)', async () => {
    const { editor, reviewer, reviewerId } = await startReviewTeam()
    textIn(editor.doc, 'itemTitle', 1).insert(0, '编辑建议', { insertion: { id: 'geditor02' } })
    await stampOf(reviewer.doc, 'geditor02')
    textIn(reviewer.doc, 'itemTitle', 1).insert(2, '审阅', { insertion: { id: 'greview02' } })
    expect(await stampOf(editor.doc, 'greview02')).toBe(reviewerId)
    expect(reviewer.provider.wsconnected).toBe(true)
  })

  it('refuses a reviewer’s change outside the plan text (an item attribute, the metadata)', async () => {
    const { reviewer } = await startReviewTeam()
    ;(elementsNamed(reviewer.doc, 'item')[0] as Y.XmlElement<{ carried: boolean }>).setAttribute('carried', true)
    expect((await reviewer.closed).code).toBe(CLOSE.malformed)
  })

  it('accepts a reviewer’s structural suggestion: a new item marked as suggested', async () => {
    const { editor, reviewer, reviewerId } = await startReviewTeam()
    const section = elementsNamed(reviewer.doc, 'section')[0]
    const item = new Y.XmlElement('item')
    const title = new Y.XmlElement('itemTitle')
    const text = new Y.XmlText()
    text.insert(0, '建议新增的条目。', { insertion: { id: 'gnewitem1' } })
    title.insert(0, [text])
    item.insert(0, [title])
    item.setAttribute('id', 'irevnew01')
    item.setAttribute('suggestion', 'insert:gnewitem1')
    section.insert(section.length, [item])
    await waitFor(() => elementsNamed(editor.doc, 'item').some((el) => el.getAttribute('suggestion') === 'insert:gnewitem1'))
    expect(await stampOf(editor.doc, 'gnewitem1')).toBe(reviewerId)
  })
})

describe('the plan read from a document with open suggestions', () => {
  it('reads as if every suggestion were rejected: no suggested text or items, deleted text kept', async () => {
    const { server, docId, editor, reviewer } = await startReviewTeam()
    const before = (await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${docId}/plan`, { token: server.admin.token })).body
    const title = textIn(reviewer.doc, 'itemTitle', 0)
    title.insert(0, '建议新增', { insertion: { id: 'gbaseins1' } })
    title.format(6, 2, { deletion: { id: 'gbasedel1' } })
    const section = elementsNamed(reviewer.doc, 'section')[0]
    const item = new Y.XmlElement('item')
    const itemTitle = new Y.XmlElement('itemTitle')
    const text = new Y.XmlText()
    text.insert(0, '建议的新条目。', { insertion: { id: 'gbasenew1' } })
    itemTitle.insert(0, [text])
    item.insert(0, [itemTitle])
    item.setAttribute('id', 'ibasenew1')
    item.setAttribute('suggestion', 'insert:gbasenew1')
    section.insert(section.length, [item])
    await stampOf(editor.doc, 'gbasenew1')
    const after = (await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${docId}/plan`, { token: server.admin.token })).body
    expect(after).toEqual(before)
  })
})

import { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { PLAN_FIELD } from '../../../shared/collab/ydoc.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { commentAnchorsIn } from '../../../shared/review/commentsInDoc.ts'
import { commentMarkKey } from '../../../shared/review/commentsMarkKey.ts'
import { readThread, readThreads } from '../../../shared/review/commentsStore.ts'
import type { CommentThread, PendingComment } from '../../../shared/review/commentsTypes.ts'
import { reviewRoot, THREADS_KEY } from '../../../shared/review/reviewRoot.ts'
import { refreshOrphans } from '../../../server/comments/anchorWatch.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { openRawEditor } from '../collab/rawEditor.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { storedDoc } from '../../utils/storedDoc.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

/** Marks characters of an item's lead sentence with a comment id, as an editor's y-tiptap does. */
function markTitle(client: TestClient, item: number, from: number, length: number, id: string): void {
  textIn(client.doc, 'itemTitle', item).format(from, length, { [commentMarkKey(id)]: { id } })
}

function itemId(doc: Y.Doc, n: number): string {
  return String(elementsNamed(doc, 'item')[n].getAttribute('id'))
}

/** A signed-in member with a display name (and 科室) and a role on the document. */
async function member(server: TestServer, docId: string, name: string, displayName: string, role: 'editor' | 'reviewer' | 'viewer', department?: string) {
  const { user, token } = await server.createUser(name)
  const patch = await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: department ? { displayName, department } : { displayName } })
  expect(patch.status).toBe(200)
  await server.share(docId, user.id, role)
  return { user, token }
}

async function setup() {
  const server = await startTestServer()
  const doc = await server.createDocument()
  await server.api('PUT', '/api/departments', { token: server.admin.token, body: { departments: ['基础教育科', '德育科'] } })
  const editor = await member(server, doc.id, 'zhangwei', '张伟', 'editor', '基础教育科')
  const reviewer = await member(server, doc.id, 'lina', '李娜', 'reviewer', '德育科')
  const viewer = await member(server, doc.id, 'wangfang', '王芳', 'viewer')
  const client = await connectClient(server, doc.id, editor.token)
  return { server, doc, editor, reviewer, viewer, client }
}

async function comment(server: TestServer, docId: string, token: string, body: unknown) {
  return server.api<CommentThread>('POST', `/api/documents/${docId}/comments`, { token, body })
}

describe('批注 threads', () => {
  it('stamps the author and time from the session whatever the client sends, and every editor sees the thread', async () => {
    const { server, doc, editor, client } = await setup()
    const other = await connectClient(server, doc.id, server.admin.token)
    markTitle(client, 0, 0, 4, 'c1')
    const before = Date.now()
    const res = await comment(server, doc.id, editor.token, { id: 'c1', itemId: itemId(client.doc, 0), text: '这句再斟酌', author: { id: 'admin', name: '冒名' }, createdAt: '2000-01-01T00:00:00Z' })
    expect([res.status, res.body]).toMatchObject([201, {}])
    expect(res.body.author).toEqual({ id: editor.user.id, name: '张伟', department: '基础教育科' })
    expect(Date.parse(res.body.createdAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(res.body.quote).toBe(
      textIn(client.doc, 'itemTitle', 0)
        .toString()
        .replace(/<[^>]*>/g, '')
        .slice(0, 4),
    )
    await waitForDoc(other.doc, (d) => readThread(d, 'c1') !== undefined)
    expect(readThread(other.doc, 'c1')?.author.name).toBe('张伟')
  })

  it('refuses a client update that writes the review root (4400) and keeps the document as it was', async () => {
    const { server, doc, editor, client } = await setup()
    markTitle(client, 0, 0, 2, 'c1')
    expect((await comment(server, doc.id, editor.token, { id: 'c1', itemId: itemId(client.doc, 0), text: '原批注' })).status).toBe(201)
    const forged = await openRawEditor(server, doc.id, editor.token)
    const threads = reviewRoot(forged.doc).get(THREADS_KEY) as Y.Map<unknown>
    threads.set('c1', { ...readThread(forged.doc, 'c1'), text: '篡改的批注' })
    expect((await forged.raw.closed).code).toBe(CLOSE.malformed)
    const deleter = await openRawEditor(server, doc.id, editor.token)
    ;(reviewRoot(deleter.doc).get(THREADS_KEY) as Y.Map<unknown>).delete('c1')
    expect((await deleter.raw.closed).code).toBe(CLOSE.malformed)
    const newRoot = await openRawEditor(server, doc.id, editor.token)
    reviewRoot(newRoot.doc).set('suggestions', 'x')
    expect((await newRoot.raw.closed).code).toBe(CLOSE.malformed)
    await server.services.rooms.get(doc.id)?.flushed()
    const stored = await storedDoc(server.services.storage, doc.id)
    expect(readThreads(stored).map((t) => t.text)).toEqual(['原批注'])
    expect([...reviewRoot(stored).keys()]).toEqual([THREADS_KEY])
  })

  it('lets a reviewer comment on a whole item (the server marks its words) and refuses a viewer with 403', async () => {
    const { server, doc, reviewer, viewer, client } = await setup()
    const id = itemId(client.doc, 2)
    const res = await comment(server, doc.id, reviewer.token, { itemId: id, text: '建议补充完成时限' })
    expect(res.status).toBe(201)
    expect(res.body.author.name).toBe('李娜')
    await waitForDoc(client.doc, () => commentAnchorsIn(pmOf(client.doc)).some((a) => a.id === res.body.id && a.itemId === id))
    expect(res.body.quote.length).toBeGreaterThan(4)
    const refused = await comment(server, doc.id, viewer.token, { itemId: id, text: '我也想说' })
    expect(refused.status).toBe(403)
    expect((refused.body as unknown as { error: { message: string } }).error.message).toMatch(/不能添加或回复批注/)
    expect((await comment(server, doc.id, reviewer.token, { itemId: 'nosuchitem', text: '无处安放' })).status).toBe(404)
    expect((await comment(server, doc.id, reviewer.token, { itemId: id, text: '   ' })).status).toBe(400)
  })

  it("accepts a reviewer's comment mark over the socket (the base text is unchanged) and threads it under the reviewer's name", async () => {
    const { server, doc, reviewer, client } = await setup()
    const own = await connectClient(server, doc.id, reviewer.token)
    markTitle(own, 3, 1, 4, 'cr1')
    const res = await comment(server, doc.id, reviewer.token, { id: 'cr1', itemId: itemId(own.doc, 3), text: '审阅意见' })
    expect([res.status, res.body.author.name, res.body.quote]).toEqual([
      201,
      '李娜',
      textIn(client.doc, 'itemTitle', 3)
        .toDelta()
        .map((op: { insert: string }) => op.insert)
        .join('')
        .slice(1, 5),
    ])
    await waitForDoc(client.doc, () => commentAnchorsIn(pmOf(client.doc)).some((a) => a.id === 'cr1'))
    expect(own.provider.wsconnected).toBe(true)
  })

  it('keeps the thread on its words when the item moves to another section and everything renumbers', async () => {
    const { server, doc, editor, client } = await setup()
    markTitle(client, 0, 0, 3, 'c1')
    const quote = (await comment(server, doc.id, editor.token, { id: 'c1', itemId: itemId(client.doc, 0), text: '移动后还在吗' })).body.quote
    const before = commentAnchorsIn(pmOf(client.doc)).find((a) => a.id === 'c1')
    expect(before?.label).toBe('一、1.')
    const room = server.services.rooms.get(doc.id)!
    const moved = new Promise<void>((resolve) => room.changeListeners.add(() => resolve()))
    moveFirstItemToLastSection(client.doc)
    await moved
    expect(refreshOrphans(room, editor.user.id)).toBe(0)
    const after = commentAnchorsIn(pmOf(client.doc)).find((a) => a.id === 'c1')
    expect(after?.label).not.toBe('一、1.')
    expect(after?.label.startsWith(lastSectionLabel(client.doc))).toBe(true)
    const thread = readThread(room.doc, 'c1')
    expect(thread?.orphan).toBe(false)
    expect(thread?.quote).toBe(quote)
  })

  it('makes the thread an orphan with its quote when all its words are deleted, and never deletes it', async () => {
    const { server, doc, editor, client } = await setup()
    markTitle(client, 1, 2, 3, 'c1')
    const created = (await comment(server, doc.id, editor.token, { id: 'c1', itemId: itemId(client.doc, 1), text: '删了会怎样' })).body
    textIn(client.doc, 'itemTitle', 1).delete(2, 3)
    await waitForDoc(client.doc, (d) => readThread(d, 'c1')?.orphan === true)
    expect(readThread(client.doc, 'c1')?.quote).toBe(created.quote)
    const orphans = await server.api<{ threads: CommentThread[] }>('GET', `/api/documents/${doc.id}/comments?status=orphan`, { token: editor.token })
    expect(orphans.body.threads.map((t) => t.id)).toEqual(['c1'])
  })

  it('shows a thread in the 待处理 list of each person mentioned until they reply or it is resolved', async () => {
    const { server, doc, editor, reviewer, client } = await setup()
    markTitle(client, 0, 0, 2, 'c1')
    const res = await comment(server, doc.id, editor.token, { id: 'c1', itemId: itemId(client.doc, 0), text: '@李娜 请德育科核实，@不存在的人 忽略' })
    expect(res.body.mentions).toEqual([reviewer.user.id])
    const pending = async (token: string) => (await server.api<{ pending: PendingComment[] }>('GET', '/api/me/pending', { token })).body.pending
    expect((await pending(reviewer.token)).map((p) => [p.docTitle, p.thread.id])).toEqual([[doc.title, 'c1']])
    expect(await pending(editor.token)).toEqual([])
    const reply = await server.api<CommentThread>('POST', `/api/documents/${doc.id}/comments/c1/replies`, { token: reviewer.token, body: { text: '已核实' } })
    expect(reply.status).toBe(200)
    expect(reply.body.replies.map((r) => [r.author.name, r.text])).toEqual([['李娜', '已核实']])
    expect(await pending(reviewer.token)).toEqual([])
    await server.api('POST', `/api/documents/${doc.id}/comments/c1/replies`, { token: editor.token, body: { text: '@李娜 再看一下' } })
    expect(await pending(reviewer.token)).toHaveLength(1)
    expect((await server.api('POST', `/api/documents/${doc.id}/comments/c1/resolve`, { token: editor.token })).status).toBe(200)
    expect(await pending(reviewer.token)).toEqual([])
  })

  it('lets the author or an editor resolve and reopen, and filters the list by status, person and 科室', async () => {
    const { server, doc, editor, reviewer, client } = await setup()
    const other = await member(server, doc.id, 'zhaolei', '赵磊', 'reviewer')
    const mine = (await comment(server, doc.id, reviewer.token, { itemId: itemId(client.doc, 0), text: '李娜的批注' })).body
    const theirs = (await comment(server, doc.id, other.token, { itemId: itemId(client.doc, 1), text: '赵磊的批注' })).body
    const resolve = (id: string, token: string, how = 'resolve') => server.api<CommentThread>('POST', `/api/documents/${doc.id}/comments/${id}/${how}`, { token })
    expect((await resolve(theirs.id, reviewer.token)).status).toBe(403)
    const done = await resolve(mine.id, reviewer.token)
    expect([done.status, done.body.resolved, done.body.resolvedBy?.name]).toEqual([200, true, '李娜'])
    expect((await resolve(theirs.id, editor.token)).body.resolved).toBe(true)
    const list = async (query: string) => (await server.api<{ threads: CommentThread[] }>('GET', `/api/documents/${doc.id}/comments?${query}`, { token: reviewer.token })).body.threads.map((t) => t.text)
    expect(await list('status=open')).toEqual([])
    expect(await list('status=resolved')).toEqual(['李娜的批注', '赵磊的批注'])
    expect(await list(`status=all&person=${other.user.id}`)).toEqual(['赵磊的批注'])
    expect(await list(`status=all&department=${encodeURIComponent('德育科')}`)).toEqual(['李娜的批注'])
    const reopened = await resolve(mine.id, editor.token, 'reopen')
    expect([reopened.body.resolved, reopened.body.resolvedBy]).toEqual([false, undefined])
    expect(await list('')).toEqual(['李娜的批注'])
    expect((await server.api('GET', `/api/documents/${doc.id}/comments?status=bogus`, { token: reviewer.token })).status).toBe(400)
    expect((await resolve('nosuch', editor.token)).status).toBe(404)
  })
})

/** The editor's view of a Y.Doc (marks included). */
function pmOf(doc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(PLAN_FIELD), planSchema())
}

/** Moves the first item to the end of the last section the way an editor's y-tiptap writes a move: the PM document, rewritten into the fragment. */
function moveFirstItemToLastSection(doc: Y.Doc): void {
  const pm = pmOf(doc)
  let itemPos = -1
  let sectionEnd = -1
  pm.descendants((node, pos) => {
    if (node.type.name === 'item' && itemPos < 0) itemPos = pos
    if (node.type.name === 'section') sectionEnd = pos + node.nodeSize - 1
    return node.type.name !== 'item'
  })
  const item = pm.nodeAt(itemPos)!
  const tr = new Transform(pm).insert(sectionEnd, item).delete(itemPos, itemPos + item.nodeSize)
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment(PLAN_FIELD), tr.doc, { mapping: new Map(), isOMark: new Map() }))
}

/** The number of the last section (一、 二、 …). */
function lastSectionLabel(doc: Y.Doc): string {
  const count = elementsNamed(doc, 'section').length
  return ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、'][count - 1]
}

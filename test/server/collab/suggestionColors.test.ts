import { describe, expect, it } from 'vitest'
import { readStamp } from '../../../shared/review/suggestStamps.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

describe('the colour a suggestion is drawn in', () => {
  it('is stamped by the server from each reviewer’s account colour, so two reviewers of one document differ and match their carets', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const wang = await server.createUser('wangfang')
    const zhao = await server.createUser('zhaolei')
    for (const u of [wang, zhao]) await server.share(doc.id, u.user.id, 'reviewer')
    const watcher = await connectClient(server, doc.id, server.admin.token)
    const a = await connectClient(server, doc.id, wang.token)
    const b = await connectClient(server, doc.id, zhao.token)
    textIn(a.doc, 'itemTitle', 0).insert(0, '王', { insertion: { id: 'colorwang' } })
    textIn(b.doc, 'itemTitle', 1).insert(0, '赵', { insertion: { id: 'colorzhao' } })
    await waitForDoc(watcher.doc, (d) => Boolean(readStamp(d, 'colorwang') && readStamp(d, 'colorzhao')))
    const colours = [readStamp(watcher.doc, 'colorwang')?.author.color, readStamp(watcher.doc, 'colorzhao')?.author.color]
    expect(colours).toEqual([wang.user.color, zhao.user.color])
    expect(colours[0]).not.toBe(colours[1])
    for (const c of [watcher, a, b]) c.close()
  })
})

import type { Socket } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient } from '../utils/collabClient.ts'
import { textIn } from '../utils/planText.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { launchBrowser, openDocument, signIn } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

let server: TestServer
let browser: Browser
let a: Window
let aliceId: string

beforeAll(async () => {
  await ensureClientBuilt()
  // Pings every second, so a dead connection is found in about two (the default is 4 s, found within 8 s).
  server = await startTestServer({ pingMs: 1000 })
  browser = await launchBrowser()
  aliceId = (await server.createUser('张伟')).user.id
  a = await signIn(browser, server.url, '张伟', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

describe('presence after a dropped connection', () => {
  it("removes a colleague's caret and list entry when their connection dies without closing", async () => {
    const bob = await server.createUser('李娜')
    const doc = await server.createDocument(server.admin.token)
    await server.share(doc.id, aliceId, 'editor')
    await server.share(doc.id, bob.user.id, 'editor')
    await openDocument(a.page, doc.id)
    // The colleague: a y-websocket client with a caret at the start of item 1's lead sentence.
    const colleague = await connectClient(server, doc.id, bob.token)
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(textIn(colleague.doc, 'itemTitle', 0), 0))
    colleague.provider.awareness.setLocalStateField('user', { id: bob.user.id, name: '李娜', color: '#2f7d32' })
    colleague.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at })
    await a.page.locator('[data-testid=presence]', { hasText: '2 人在线' }).waitFor()
    await a.page.locator('.collab-caret[data-user=李娜]').waitFor()
    // The network goes away under the colleague: the socket stays open but nothing is read or answered any more.
    ;(colleague.provider.ws as unknown as { _socket: Socket })._socket.pause()
    await a.page.locator('.collab-caret[data-user=李娜]').waitFor({ state: 'detached' })
    await a.page.locator('[data-testid=presence]', { hasText: '1 人在线' }).waitFor()
    colleague.close()
  })
})

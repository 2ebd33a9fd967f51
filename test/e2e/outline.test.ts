import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo } from '../../shared/api/types.ts'
import { connectClient } from '../utils/collabClient.ts'
import { textIn } from '../utils/planText.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, launchBrowser, openDocument, signIn, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

let server: TestServer
let browser: Browser
let owner: { user: UserInfo; token: string }
let w: Window

beforeAll(async () => {
  await ensureClientBuilt()
  server = await startTestServer()
  browser = await launchBrowser()
  owner = await server.createUser('张伟')
  w = await signIn(browser, server.url, '张伟', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

describe('the outline, read a moment after each change', () => {
  it('shows the words typed here and by a collaborator, and the item count', async () => {
    const doc = await server.createDocument(owner.token)
    await openDocument(w.page, doc.id)
    const entry = (text: string) => w.page.locator('.outline-entry', { hasText: text })
    await cursorAtEndOfItem(w.page, '实施学龄前儿童善育工程')
    await w.page.keyboard.type('（本机）')
    await entry('实施学龄前儿童善育工程。（本机）').waitFor()
    const other = await connectClient(server, doc.id, owner.token)
    textIn(other.doc, 'itemTitle', 4).insert(0, '协作者')
    await entry('5.协作者实施学校等体育场馆开放工程').waitFor()
    await w.page.locator('[data-testid=item-count]', { hasText: '共 30 条' }).waitFor()
    other.close()
    expect(w.errors).toEqual([])
  })

  it('puts the caret in the chosen entry although text typed just before moved it', async () => {
    const doc = await server.createDocument(owner.token)
    await openDocument(w.page, doc.id)
    await cursorAtEndOfItem(w.page, '做好秋季开学和常态化疫情防控')
    // Typed and chosen at once: the outline may still hold the old positions.
    await w.page.keyboard.type('补充很多文字补充很多文字')
    await w.page.locator('.outline-entry', { hasText: '促进教育优质均衡' }).locator('button').click()
    await w.page.keyboard.type('跳转')
    await waitForItemLine(w.page, '10.跳转促进教育优质均衡。')
    expect(w.errors).toEqual([])
  })
})

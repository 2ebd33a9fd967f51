import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo } from '../../shared/api/types.ts'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, itemLines, openDocument, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { startTwoUsers } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let alice: { user: UserInfo; token: string }
let bob: { user: UserInfo; token: string }
let a: Window
let b: Window

beforeAll(async () => {
  ;({ server, browser, alice, bob, a, b } = await startTwoUsers())
})

afterAll(async () => {
  await browser?.close()
})

/** The lead sentences of the document as the server holds it. */
async function titles(docId: string): Promise<string[]> {
  const plan = await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${docId}/plan`, { token: alice.token })
  return plan.body.sections.flatMap((s) => s.items.map((i) => i.title))
}

/** Types pinyin as an input method does: a composition growing letter by letter (DevTools protocol). */
async function compose(page: Page, pinyin: string): Promise<(text: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i })
  // Choosing a candidate commits it in place of the composition.
  return async (text: string) => {
    await cdp.send('Input.insertText', { text })
    await cdp.detach()
  }
}

describe('Chinese input with an input method', () => {
  it('commits the chosen characters once, leaves no pinyin and keeps the caret while another user edits the same paragraph', async () => {
    const doc = await server.createDocument(alice.token)
    await server.share(doc.id, bob.user.id, 'editor')
    await openDocument(a.page, doc.id)
    await openDocument(b.page, doc.id)
    await cursorAtEndOfItem(a.page, '加强学校安全管理')
    const commit = await compose(a.page, 'anquan')
    // Meanwhile the colleague types at the start of the same lead sentence.
    await b.page.locator('[data-type=item-title]', { hasText: '加强学校安全管理' }).click()
    await b.page.keyboard.press('Home')
    await b.page.keyboard.type('切实')
    // The colleague's edit has reached the server (and so is on its way to this browser) before the choice is made.
    const deadline = Date.now() + 15_000
    while (!(await titles(doc.id)).some((t) => t.startsWith('切实加强学校安全管理'))) if (Date.now() > deadline) throw new Error("the colleague's edit never reached the server")
    // It shows up in this browser while the pinyin is still being composed.
    await waitForItemLine(a.page, '2.切实加强学校安全管理。anquan')
    await commit('安全')
    // The caret stays after the committed characters: typing on goes there.
    await a.page.keyboard.type('第一')
    const want = '2.切实加强学校安全管理。安全第一'
    for (const page of [a.page, b.page]) {
      await waitForItemLine(page, want)
      const lines = await itemLines(page)
      expect(lines[1]).toBe(want)
      expect(lines.join('')).not.toMatch(/[a-z]/)
    }
    expect((await titles(doc.id)).filter((t) => t.includes('安全第一'))).toEqual(['切实加强学校安全管理。安全第一'])
  })
})

import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, itemLines, openDocument, waitForItemLine, waitForText } from './browser.ts'
import type { Window } from './browser.ts'
import { startTwoUsers, type Account } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let alice: Account
let bob: Account
let a: Window
let b: Window

/** A fresh copy of the district seed (30 items) that both users may edit. */
async function sharedDocument(): Promise<string> {
  const doc = await server.createDocument(alice.token)
  await server.share(doc.id, bob.user.id, 'editor')
  return doc.id
}

beforeAll(async () => {
  ;({ server, browser, alice: alice, bob: bob, a, b } = await startTwoUsers(['张伟', '李娜']))
})

afterAll(async () => {
  await browser?.close()
})

describe('two people editing one plan in two browsers', () => {
  it("each sees the other's text and caret", async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await cursorAtEndOfItem(a.page, '实施学龄前儿童善育工程')
    await a.page.keyboard.type('（甲补充）')
    await cursorAtEndOfItem(b.page, '加强学校安全管理')
    await b.page.keyboard.type('（乙补充）')
    await waitForItemLine(b.page, '3.实施学龄前儿童善育工程。（甲补充）')
    await waitForItemLine(a.page, '2.加强学校安全管理。（乙补充）')
    await a.page.locator('.collab-caret[data-user=李娜]').waitFor()
    await b.page.locator('.collab-caret[data-user=张伟]').waitFor()
    await a.page.locator('[data-testid=presence]', { hasText: '2 人在线' }).waitFor()
    mkdirSync('artifacts/screenshots', { recursive: true })
    await a.page.locator('[data-type=item-title]', { hasText: '加强学校安全管理' }).evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await a.page.screenshot({ path: 'artifacts/screenshots/editor-two-users.png' })
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it("undo takes back only the user's own change, not a collaborator's", async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await cursorAtEndOfItem(a.page, '做好秋季开学和常态化疫情防控')
    await a.page.keyboard.type('（甲的修改）')
    await waitForItemLine(b.page, '1.做好秋季开学和常态化疫情防控。（甲的修改）')
    await cursorAtEndOfItem(b.page, '加强学校安全管理')
    await b.page.keyboard.type('（乙的修改）')
    await waitForItemLine(a.page, '2.加强学校安全管理。（乙的修改）')
    await a.page.locator('[data-type=item-title]', { hasText: '做好秋季开学' }).click()
    await a.page.keyboard.press('Control+z')
    for (const page of [a.page, b.page]) {
      await waitForItemLine(page, '1.做好秋季开学和常态化疫情防控。')
      expect((await itemLines(page)).slice(0, 2)).toEqual(['1.做好秋季开学和常态化疫情防控。', '2.加强学校安全管理。（乙的修改）'])
    }
  })

  it('inserting an item in one browser renumbers every later item in both', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    const before = await itemLines(b.page)
    expect(before).toHaveLength(30)
    await cursorAtEndOfItem(a.page, '加强学校安全管理')
    await a.page.keyboard.press('Control+Enter')
    await a.page.keyboard.type('新增的条目。')
    await waitForItemLine(b.page, '3.新增的条目。')
    for (const page of [a.page, b.page]) {
      const after = await itemLines(page)
      expect(after).toHaveLength(31)
      expect(after.map((l) => l.slice(0, l.indexOf('.') + 1))).toEqual(Array.from({ length: 31 }, (_, i) => `${i + 1}.`))
      // Every item after the new one keeps its text and moves one number down.
      expect(after.slice(3).map((l) => l.replace(/^\d+\./, ''))).toEqual(before.slice(2).map((l) => l.replace(/^\d+\./, '')))
    }
    await a.page.locator('[data-testid=item-count]', { hasText: '共 31 条' }).waitFor()
  })

  it('moving an item into another section shows it there, renumbered, in both browsers', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await cursorAtEndOfItem(a.page, '实施学龄前儿童善育工程')
    await a.page.getByTestId('move-to-section').click()
    await a.page.locator('.menu-item', { hasText: '五、' }).click()
    // Section 五 held items 11–14; the moved item (3) becomes its last, so it is number 14.
    for (const page of [a.page, b.page]) {
      await waitForItemLine(page, '14.实施学龄前儿童善育工程。')
      expect((await itemLines(page, 4)).at(-1)).toBe('14.实施学龄前儿童善育工程。')
      expect((await itemLines(page)).slice(2, 4)).toEqual(['3.实施义务教育中小学校内课后服务工程。', '4.实施学校等体育场馆开放工程。'])
    }
  })

  it('dragging an item by its handle moves it into another section', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    const item = a.page.locator('.plan-item', { has: a.page.locator('[data-type=item-title]', { hasText: '加强学校安全管理' }) })
    await item.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await item.hover()
    const handle = await item.locator('.plan-drag-handle').boundingBox()
    const target = await a.page.locator('[data-type=item-title]', { hasText: '实施学龄前儿童善育工程' }).boundingBox()
    if (!handle || !target) throw new Error('handle or target not on screen')
    // A real drag: press on the handle, move in steps (the browser starts a drag after a few pixels), drop on the upper half of item 3.
    await a.page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await a.page.mouse.down()
    await a.page.mouse.move(handle.x + 20, handle.y + 20, { steps: 4 })
    await a.page.mouse.move(target.x + 60, target.y + 4, { steps: 8 })
    await a.page.mouse.up()
    // Item 2 now opens section 二: still number 2, but section 一 keeps only item 1.
    for (const page of [a.page, b.page]) {
      await page.waitForFunction(() => document.querySelectorAll('section.plan-section')[0]?.querySelectorAll('[data-type=item-title]').length === 1)
      expect(await itemLines(page, 1)).toEqual(['2.加强学校安全管理。', '3.实施学龄前儿童善育工程。', '4.实施义务教育中小学校内课后服务工程。', '5.实施学校等体育场馆开放工程。'])
    }
  })

  it('an edit made while one browser is offline reaches both after it reconnects', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await b.context.setOffline(true)
    await waitForText(b.page, '[data-testid=connection-state]', '离线，修改已保存在本机')
    // Offline, nobody can be known to be here: no "1 人在线" beside 离线.
    expect(await b.page.locator('[data-testid=presence]').count()).toBe(0)
    await cursorAtEndOfItem(b.page, '促进教育优质均衡')
    await b.page.keyboard.type('（离线时写的）')
    await cursorAtEndOfItem(a.page, '优化资源设点布局')
    await a.page.keyboard.type('（在线时写的）')
    await b.context.setOffline(false)
    await waitForText(b.page, '[data-testid=connection-state]', '已连接')
    // The offline edit counts as saved only once the server has echoed the save probe sent after it.
    await b.page.locator('[data-testid=save-state][data-save=saved]').waitFor()
    for (const page of [a.page, b.page]) {
      await waitForItemLine(page, '10.促进教育优质均衡。（离线时写的）')
      await waitForItemLine(page, '9.优化资源设点布局。（在线时写的）')
    }
    // The server has it too: a third reader sees both edits.
    const plan = await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${docId}/plan`, { token: alice.token })
    const titles = plan.body.sections.flatMap((s) => s.items.map((i) => i.title))
    expect(titles).toContain('促进教育优质均衡。（离线时写的）')
  })

  it('an offline edit is kept in the browser when the page is closed, and reaches the others when it opens again online', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    const page = await b.context.newPage()
    await openDocument(page, docId)
    await b.context.setOffline(true)
    await waitForText(page, '[data-testid=connection-state]', '离线，修改已保存在本机')
    const stored = (): Promise<number> =>
      page.evaluate(`new Promise((resolve) => {
        const open = indexedDB.open('plan-studio/${bob.user.id}/${docId}')
        open.onsuccess = () => {
          const count = open.result.transaction('updates').objectStore('updates').count()
          count.onsuccess = () => { resolve(count.result); open.result.close() }
        }
      })`)
    const before = await stored()
    await cursorAtEndOfItem(page, '深化教育评价改革')
    await page.keyboard.type('（关页前写的）')
    // Wait (by re-reading, no sleeps) until the edit is in this browser's IndexedDB copy.
    const deadline = Date.now() + 10_000
    while ((await stored()) <= before) if (Date.now() > deadline) throw new Error('the offline edit never reached IndexedDB')
    await page.close()
    await b.context.setOffline(false)
    const again = await b.context.newPage()
    await openDocument(again, docId)
    await waitForItemLine(a.page, '8.深化教育评价改革。（关页前写的）')
    await waitForItemLine(again, '8.深化教育评价改革。（关页前写的）')
    await again.close()
  })
})

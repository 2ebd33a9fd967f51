import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cursorAtEndOfItem, itemLines, waitForItemLine } from './browser.ts'
import type { TwoUsers } from './twoUsers.ts'
import { SHOTS, startTwoUsers } from './twoUsers.ts'

const DIR = `${SHOTS}/suggestions`
let t: TwoUsers

beforeAll(async () => {
  t = await startTwoUsers(['张伟', '李娜'])
  mkdirSync(DIR, { recursive: true })
})

afterAll(async () => {
  await t?.browser.close()
})

/** Opens the document and waits until it is synced with the server (已连接). */
async function open(page: Page, docId: string): Promise<void> {
  await page.goto(`/documents/${docId}`)
  await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
  await page.locator('[data-type=item-title]').first().waitFor()
  await page.getByText('已连接').first().waitFor()
}

/** Opens the side panel on its 修订 tab. */
async function suggestionsTab(page: Page): Promise<void> {
  if (!(await page.locator('.side-panel').count())) await page.getByTestId('toggle-panel').click()
  await page.getByTestId('side-tab-suggestions').click()
}

/** Types pinyin as an input method does (DevTools protocol), then commits the chosen characters. */
async function composeAndCommit(page: Page, pinyin: string, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i })
  await cdp.send('Input.insertText', { text })
  await cdp.detach()
}

/** The marked texts of a kind (ins or del) in the page's editor. */
function marked(page: Page, tag: 'ins' | 'del'): Promise<string[]> {
  return page.evaluate(
    (tg) =>
      [...document.querySelectorAll(`.plan-doc ${tg}`)].map((e) => {
        // Without the collaborators' caret labels that sit inside the text.
        const copy = e.cloneNode(true) as HTMLElement
        copy.querySelectorAll('[contenteditable=false], .collab-caret').forEach((c) => c.remove())
        return copy.textContent ?? ''
      }),
    tag,
  )
}

describe('修订 in two browsers', () => {
  it('a reviewer’s typing and IME input appear as suggestions in the editor’s browser; the editor accepts one, rejects another, and 清稿 leaves no marks', async () => {
    const { server, alice, bob, a, b } = t
    const doc = await server.createDocument(server.admin.token)
    await server.share(doc.id, alice.user.id, 'editor')
    await server.share(doc.id, bob.user.id, 'reviewer')
    await a.page.setViewportSize({ width: 1280, height: 800 })
    await open(a.page, doc.id)
    await open(b.page, doc.id)
    expect(await b.page.getByTestId('suggest-mode').getAttribute('aria-pressed')).toBe('true')
    const lines = await itemLines(a.page)
    const first = lines[0].replace(/^\d+\./, '')
    const second = lines[1].replace(/^\d+\./, '')

    // 李娜 (reviewer) types at the end of item 1 and composes 安全 with an input method at the end of item 2.
    await cursorAtEndOfItem(b.page, first.slice(0, 6))
    await b.page.keyboard.type('（补充）')
    await cursorAtEndOfItem(b.page, second.slice(0, 6))
    await composeAndCommit(b.page, 'anquan', '安全')
    // 张伟 (editor) sees both as insertions, with her name on hover; no pinyin anywhere.
    await a.page
      .waitForFunction(() => [...document.querySelectorAll('.plan-doc ins')].map((e) => e.textContent).join('|') === '（补充）|安全', undefined, { timeout: 8000 })
      .catch(async (err: unknown) => {
        console.log('DBG a', await marked(a.page, 'ins'), 'b', await marked(b.page, 'ins'), (await itemLines(b.page)).slice(0, 3), server.logs.filter((l) => l.includes('ws.')).slice(-5))
        await b.page.screenshot({ path: `${DIR}/debug-b.png` })
        throw err
      })
    const hover = await a.page.locator('.plan-doc .suggest-insertion', { hasText: '安全' }).first().getAttribute('title')
    expect(hover).toContain('李娜')
    expect((await itemLines(a.page)).join('')).not.toMatch(/[a-z]/)
    await suggestionsTab(a.page)
    await a.page.locator('[data-testid=suggestion]').nth(1).waitFor()
    expect(await a.page.locator('[data-testid=suggestion]').count()).toBe(2)
    // A click on a suggestion in the list shows it in the text.
    await a.page.locator('[data-testid=suggestion] .suggestion-text').first().click()
    await a.page.screenshot({ path: `${DIR}/editor-sees-suggestions-1280.png` })
    await a.page.setViewportSize({ width: 800, height: 800 })
    await a.page.screenshot({ path: `${DIR}/editor-sees-suggestions-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })
    await b.page.screenshot({ path: `${DIR}/reviewer-typing-1280.png` })

    // He accepts the first and rejects the second: both browsers show the result.
    await a.page.locator('[data-testid=suggestion]', { hasText: '补充' }).getByTestId('accept-suggestion').click()
    await a.page.locator('[data-testid=suggestion]', { hasText: '安全' }).getByTestId('reject-suggestion').click()
    for (const page of [a.page, b.page]) {
      await page.waitForFunction(() => document.querySelectorAll('.plan-doc ins').length === 0)
      const shown = await itemLines(page)
      expect(shown[0]).toContain(`${first}（补充）`)
      expect(shown[1]).toBe(lines[1])
    }

    // She strikes out two characters and suggests new words; he accepts all (清稿).
    await cursorAtEndOfItem(b.page, first.slice(0, 6))
    await b.page.keyboard.press('Backspace')
    await b.page.keyboard.press('Backspace')
    await b.page.keyboard.type('内容')
    await a.page.waitForFunction(() => document.querySelectorAll('.plan-doc del').length > 0 && document.querySelectorAll('.plan-doc ins').length > 0)
    expect(await marked(a.page, 'del')).toEqual(['补充）'.slice(1)])
    await a.page.locator('[data-testid=suggestion] .suggestion-text').first().click()
    await a.page.screenshot({ path: `${DIR}/deletion-and-insertion-1280.png` })
    await a.page.getByTestId('accept-all').click()
    for (const page of [a.page, b.page]) await page.waitForFunction(() => document.querySelectorAll('.plan-doc ins, .plan-doc del').length === 0)
    expect((await itemLines(a.page))[0]).toContain(`${first}（补内容`)
    await a.page.getByTestId('suggestions-empty').waitFor()
    // The server's copy carries no marks either.
    const plan = await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${doc.id}/plan`, { token: alice.token })
    expect(plan.body.sections[0].items[0].title).toContain('（补内容')
  })

  it('Chinese IME composition in 修订 mode while the editor types in the same sentence leaves no pinyin and one suggestion', async () => {
    const { server, alice, bob, a, b } = t
    const doc = await server.createDocument(server.admin.token)
    await server.share(doc.id, alice.user.id, 'editor')
    await server.share(doc.id, bob.user.id, 'reviewer')
    await open(a.page, doc.id)
    await open(b.page, doc.id)
    const start = '加强学校安全管理'
    await cursorAtEndOfItem(b.page, start)
    const cdp = await b.page.context().newCDPSession(b.page)
    const pinyin = 'quanmian'
    for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i })
    // Meanwhile the editor types at the start of the same lead sentence, and it reaches the reviewer mid-composition.
    await a.page.locator('[data-type=item-title]', { hasText: start }).click()
    await a.page.keyboard.press('Home')
    await a.page.keyboard.type('切实')
    await waitForItemLine(b.page, `2.切实${start}。${pinyin}`)
    await cdp.send('Input.insertText', { text: '全面' })
    await cdp.detach()
    for (const page of [a.page, b.page]) {
      await waitForItemLine(page, `2.切实${start}。全面`)
      expect((await itemLines(page)).join('')).not.toMatch(/[a-z]/)
    }
    await a.page.waitForFunction(() => [...document.querySelectorAll('.plan-doc ins')].map((e) => e.textContent).join('|') === '全面')
    expect(await marked(b.page, 'ins')).toEqual(['全面'])
  })
})

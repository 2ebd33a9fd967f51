import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo } from '../../shared/api/types.ts'
import type { Plan } from '../../shared/plan/types.ts'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, openDocument } from './browser.ts'
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

/** The editor's text without collaborators' caret labels. */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.querySelector('[data-testid=plan-editor]')?.cloneNode(true) as HTMLElement | undefined
    copy?.querySelectorAll('.collab-caret').forEach((c) => c.remove())
    return copy?.textContent ?? ''
  })
}

function count(text: string, word: string): number {
  return text.split(word).length - 1
}

/** Waits until the editor's text holds `word` exactly `n` times. */
async function waitForCount(page: Page, word: string, n: number): Promise<void> {
  try {
    await page.waitForFunction(
      ([w, want]) => {
        const copy = document.querySelector('[data-testid=plan-editor]')?.cloneNode(true) as HTMLElement | undefined
        copy?.querySelectorAll('.collab-caret').forEach((c) => c.remove())
        return (copy?.textContent ?? '').split(w as string).length - 1 === want
      },
      [word, n] as const,
      { timeout: 15_000 },
    )
  } catch (err) {
    throw new Error(`expected "${word}" ${n} times, the page has it ${count(await editorText(page), word)} times`, { cause: err })
  }
}

async function sharedDocument(source?: { carryFrom: string }): Promise<string> {
  const doc = await server.createDocument(alice.token, source)
  await server.share(doc.id, bob.user.id, 'editor')
  return doc.id
}

describe('查找和替换 with two people in the document', () => {
  it('highlights matches in headings and items, replaces one, then all as one change the other sees and one Ctrl+Z takes back', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    const total = count(await editorText(a.page), '工程')
    expect(total).toBeGreaterThan(3)
    await a.page.locator('[data-type=item-title]').first().click()
    await a.page.keyboard.press('Control+h')
    await a.page.getByTestId('find-input').fill('工程')
    await a.page
      .getByTestId('find-count')
      .filter({ hasText: `/${total}` })
      .waitFor()
    expect(await a.page.locator('.find-match').count()).toBe(total)
    // Matches are found in a section heading as well as in items.
    expect(await a.page.locator('[data-type=section-heading] .find-match').count()).toBeGreaterThan(0)
    expect(await a.page.locator('[data-type=item-title] .find-match').count()).toBeGreaterThan(0)
    expect(await a.page.locator('.find-match.current').count()).toBe(1)
    const first = await a.page.getByTestId('find-count').textContent()
    await a.page.getByTestId('find-next').click()
    expect(await a.page.getByTestId('find-count').textContent()).not.toBe(first)

    await a.page.getByTestId('replace-input').fill('项目')
    await a.page.getByTestId('replace-one').click()
    await waitForCount(b.page, '工程', total - 1)
    await a.page.getByTestId('replace-all').click()
    await waitForCount(b.page, '工程', 0)
    expect(count(await editorText(b.page), '项目')).toBeGreaterThanOrEqual(total)
    await a.page.getByTestId('find-count').filter({ hasText: '无结果' }).waitFor()

    // One Ctrl+Z in the editor takes back the whole 全部替换, not the single replacement before it.
    await a.page.keyboard.press('Escape')
    await a.page.locator('[data-type=item-title]').first().click()
    await a.page.keyboard.press('Control+z')
    await waitForCount(b.page, '工程', total - 1)
    await waitForCount(a.page, '工程', total - 1)
  })

  it('Ctrl+F opens the find bar without replacing, and Esc closes it and clears the highlights', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await a.page.locator('[data-type=item-title]').first().click()
    await a.page.keyboard.press('Control+f')
    await a.page.getByTestId('find-input').fill('学校')
    await a.page.locator('.find-match').first().waitFor()
    expect(await a.page.getByTestId('replace-input').count()).toBe(0)
    await a.page.keyboard.press('Escape')
    await a.page.getByTestId('find-bar').waitFor({ state: 'detached' })
    expect(await a.page.locator('.find-match').count()).toBe(0)
  })
})

describe('the cover notice in the editor', () => {
  it('after 结转 shows the derived title and an empty date asking for one; Enter after the issuer reaches the date and the plan gets it', async () => {
    const source = await sharedDocument()
    const docId = await sharedDocument({ carryFrom: source })
    await openDocument(a.page, docId)
    // Synced before typing: a first sync arriving mid-typing re-renders the notice and the caret with it.
    await a.page.locator('.connection[data-state=online]').waitFor()
    const plan = (await server.api<Plan>('GET', `/api/documents/${docId}/plan`, { token: alice.token })).body
    expect(plan.notice?.date).toBeUndefined()
    const title = a.page.locator('.plan-notice p[data-role=title]')
    expect(await title.getAttribute('data-placeholder')).toBe(`关于印发《${plan.title}》的通知`)
    const date = a.page.locator('.plan-notice p[data-role=date]')
    expect(await date.getAttribute('class')).toContain('is-empty')
    // The issuer line, then Enter at its end: the cursor goes to the date, nothing is glued to the issuer.
    await a.page.locator('.plan-notice p[data-role=issuer]').click()
    await a.page.keyboard.press('End')
    await a.page.keyboard.press('Enter')
    await a.page.keyboard.type('2022年3月1日')
    // Once the editor says 已保存 the server has the typing (its acknowledgement follows the write-ahead log).
    await a.page.locator('.plan-notice p[data-role=date]', { hasText: '2022年3月1日' }).waitFor()
    await a.page.locator('[data-testid=save-state][data-save=saved]').waitFor()
    const after = (await server.api<Plan>('GET', `/api/documents/${docId}/plan`, { token: alice.token })).body
    expect(after.notice?.date).toBe('2022年3月1日')
    expect(after.notice?.issuer).toBe(plan.notice?.issuer)
    expect(after.notice?.body).toEqual(plan.notice?.body)
    // Enter at the start of the addressee moves on to the notice text and never leaves a line of only "：".
    await a.page.locator('.plan-notice p[data-role=addressee]').click()
    await a.page.keyboard.press('Home')
    await a.page.keyboard.press('Enter')
    expect(await a.page.locator('.plan-notice p[data-role=addressee]').innerText()).toBe(plan.notice?.addressee)
    expect(await a.page.locator('.plan-notice p[data-role=addressee]').count()).toBe(1)
  })
})

describe('typing in the editor', () => {
  it('Ctrl+B makes no bold text', async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await cursorAtEndOfItem(a.page, '加强学校安全管理')
    await a.page.keyboard.press('Shift+Home')
    await a.page.keyboard.press('Control+b')
    await a.page.keyboard.press('End')
    await a.page.keyboard.press('Control+b')
    await a.page.keyboard.type('加粗？')
    expect(await a.page.locator('[data-testid=plan-editor] strong, [data-testid=plan-editor] b, [data-testid=plan-editor] em').count()).toBe(0)
  })

  it("shows a new empty item's number and hint on one line", async () => {
    const docId = await sharedDocument()
    await openDocument(a.page, docId)
    await a.page.locator('.connection[data-state=online]').waitFor()
    await cursorAtEndOfItem(a.page, '加强学校安全管理')
    await a.page.keyboard.press('Control+Enter')
    const empty = a.page.locator('[data-type=item-title].is-empty')
    await empty.waitFor()
    const { height, line } = await empty.evaluate((el) => ({ height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }))
    expect(height).toBeLessThan(line * 1.5)
    // Typing there puts the text on that line, after the number (the caret is put there first: on a
    // loaded machine a late first sync or a panel refresh could take the focus between the two steps).
    await a.page.locator('[data-type=item-title].is-empty[data-number="3."]').click()
    await a.page.keyboard.type('新条目。')
    await a.page.locator('[data-type=item-title][data-number="3."]', { hasText: '新条目。' }).waitFor()
  })
})

describe('a check fix', () => {
  it('scrolls to the text it changed, and its notice does not cover the toolbar', async () => {
    const source = await sharedDocument()
    const docId = await sharedDocument({ carryFrom: source })
    await openDocument(a.page, docId)
    if ((await a.page.locator('.side-panel').count()) === 0) await a.page.getByTestId('toggle-panel').click()
    await a.page.getByTestId('side-tab-checks').click()
    // A stale year far down the plan, fixed straight from the panel while the top of the plan is on screen.
    const finding = a.page
      .locator('[data-testid=checks-panel] .finding[data-kind=stale-year]')
      .filter({ has: a.page.locator('[data-testid=fix]') })
      .last()
    await finding.waitFor()
    await a.page.locator('.desk').evaluate((el) => el.scrollTo({ top: 0 }))
    await finding.getByTestId('fix').click()
    const flash = a.page.locator('.item-flash')
    await flash.waitFor()
    await a.page.waitForFunction(() => {
      const box = document.querySelector('.item-flash')?.getBoundingClientRect()
      const desk = document.querySelector('.desk')?.getBoundingClientRect()
      return Boolean(box && desk && box.top >= desk.top && box.bottom <= desk.bottom)
    })
    const notice = await a.page.locator('.notice').first().boundingBox()
    const toolbar = await a.page.locator('.toolbar').boundingBox()
    if (!notice || !toolbar) throw new Error('no notice or toolbar on screen')
    expect(notice.y).toBeGreaterThan(toolbar.y + toolbar.height)
  })
})

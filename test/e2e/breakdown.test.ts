import { mkdirSync } from 'node:fs'
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

async function openBreakdown(page: Page): Promise<void> {
  await page.getByTestId('side-tab-breakdown').click()
  await page.getByTestId('breakdown-panel').waitFor()
}

/** Types into a cell of the 分解 table and leaves it with Enter (which saves). */
async function fillCell(page: Page, testId: string, text: string): Promise<void> {
  const cell = page.getByTestId(testId)
  await cell.fill(text)
  await cell.press('Enter')
}

async function waitForCell(page: Page, testId: string, value: string): Promise<void> {
  await page.waitForFunction(([id, v]) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value === v, [testId, value] as const, { timeout: 15_000 })
}

describe('the 分解 view with two people at once', () => {
  it('an owner assigns departments cell by cell while an editor edits text and sets a deadline; each sees the other’s changes', async () => {
    const doc = await server.createDocument(alice.token)
    await server.share(doc.id, bob.user.id, 'editor')
    await openDocument(a.page, doc.id)
    await openDocument(b.page, doc.id)
    await openBreakdown(a.page)
    await openBreakdown(b.page)

    await fillCell(a.page, 'bd-1-lead', '基教科、德育科')
    await cursorAtEndOfItem(b.page, '加强学校安全管理')
    await b.page.keyboard.type('（乙补充）')
    await fillCell(b.page, 'bd-1-deadline', '第二季度')

    // Both fields of item 1 survive (one field per edit), and each side sees the other's work.
    for (const page of [a.page, b.page]) {
      await waitForCell(page, 'bd-1-lead', '基教科、德育科')
      await waitForCell(page, 'bd-1-deadline', '第二季度')
    }
    await waitForItemLine(a.page, '2.加强学校安全管理。（乙补充）')
    // Under item 1's lead sentence, in the editor of both: the fields in one line, not part of the text.
    for (const page of [a.page, b.page]) {
      const line = page.locator('[data-type=item]').first().getByTestId('breakdown-line')
      await line.filter({ hasText: '牵头：基教科、德育科 · 时限：第二季度' }).waitFor()
      expect(await line.getAttribute('contenteditable')).toBe('false')
    }
    expect((await itemLines(a.page))[0]).toBe('1.做好秋季开学和常态化疫情防控。')
    await a.page.getByTestId('breakdown-summary').filter({ hasText: '已填牵头科室 1 条，已填完成时限 1 条' }).waitFor()

    // The item under the cursor shows all its fields; a deadline that is no date is kept and flagged.
    await b.page.locator('[data-type=item-title]').first().click()
    await waitForCell(b.page, 'bd-current-lead', '基教科、德育科')
    await fillCell(b.page, 'bd-current-deadline', '按上级要求')
    await b.page.getByTestId('breakdown-deadline-hint').filter({ hasText: '未识别' }).waitFor()
    await waitForCell(a.page, 'bd-1-deadline', '按上级要求')

    // Fill down: item 1's departments and deadline onto item 2, seen in the other browser.
    await b.page.getByTestId('breakdown-fill-down').click()
    await waitForCell(a.page, 'bd-2-lead', '基教科、德育科')
    await waitForCell(a.page, 'bd-2-deadline', '按上级要求')

    // The server's 任务分解表 has what the two typed.
    const rows = (await server.api('GET', `/api/documents/${doc.id}/breakdown`, { token: alice.token })).body as { rows: Array<{ lead: string[]; deadline: string }> }
    expect(rows.rows[0]).toMatchObject({ lead: ['基教科', '德育科'], deadline: '按上级要求' })
    // Once the breakdown has begun, the live checks name the items still without a department or deadline.
    await a.page.getByTestId('side-tab-checks').click()
    await a.page.getByTestId('checks-panel').filter({ hasText: '第3条未填牵头科室和完成时限' }).waitFor()
    await a.page.getByTestId('side-tab-breakdown').click()
    // A name not on the bureau's 科室 list is kept and marked in both browsers.
    await fillCell(b.page, 'bd-3-lead', '宣传科')
    await waitForCell(a.page, 'bd-3-lead', '宣传科')
    expect(await a.page.getByTestId('bd-3-lead').getAttribute('class')).toContain('bd-warn')
    expect(await a.page.getByTestId('bd-1-lead').getAttribute('class')).not.toContain('bd-warn')
    mkdirSync('artifacts/screenshots', { recursive: true })
    await a.page
      .getByTestId('breakdown-line')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await a.page.screenshot({ path: 'artifacts/screenshots/breakdown-two-users.png' })
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo } from '../../shared/api/types.ts'
import type { Plan } from '../../shared/plan/types.ts'
import type { TestServer } from '../utils/testServer.ts'
import { openDocument } from './browser.ts'
import type { Window } from './browser.ts'
import { startTwoUsers } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let alice: { user: UserInfo; token: string }
let a: Window

beforeAll(async () => {
  ;({ server, browser, alice, a } = await startTwoUsers())
})

afterAll(async () => {
  await browser?.close()
})

/**
 * Runs in the page: puts the browser's caret at the end of the first element matching `selector`
 * and, in the same task, presses a key on the editor. Chromium handles input before the queued
 * `selectionchange`, so on a busy machine a real Enter can arrive exactly like this.
 */
function caretAtEndThenKey([selector, key]: readonly [string, string]): void {
  const line = document.querySelector(selector)
  const editor = document.querySelector('[data-testid=plan-editor]')
  if (!line || !editor) throw new Error(`no ${selector}`)
  const range = document.createRange()
  range.selectNodeContents(line)
  range.collapse(false)
  const selection = document.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
  const keyCode = key === 'Enter' ? 13 : 8
  editor.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, keyCode, bubbles: true, cancelable: true }))
}

describe('keys pressed before the browser reports a caret move', () => {
  it('Enter acts where the browser caret is: at the end of the issuer line it goes to the date, and typing lands there', async () => {
    const source = await server.createDocument(alice.token)
    const docId = (await server.createDocument(alice.token, { carryFrom: source.id })).id
    await openDocument(a.page, docId)
    await a.page.locator('.connection[data-state=online]').waitFor()
    // The editor's own caret sits in the plan title; the browser's caret then moves to the issuer line.
    await a.page.locator('[data-type=plan-title]').first().click()
    await a.page.evaluate(caretAtEndThenKey, ['.plan-notice p[data-role=issuer]', 'Enter'] as const)
    await a.page.keyboard.type('2022年3月1日')
    await a.page.locator('.plan-notice p[data-role=date]', { hasText: '2022年3月1日' }).waitFor({ timeout: 10_000 })
    await a.page.locator('[data-testid=save-state][data-save=saved]').waitFor()
    const plan = (await server.api<Plan>('GET', `/api/documents/${docId}/plan`, { token: alice.token })).body
    expect(plan.notice?.date).toBe('2022年3月1日')
  })
})

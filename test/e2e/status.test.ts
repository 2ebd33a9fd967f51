import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StatusResponse } from '../../shared/api/status.ts'
import type { TestServer } from '../utils/testServer.ts'
import { breakdownPlan } from '../server/export/breakdownPlan.ts'
import { itemLines, openDocument } from './browser.ts'
import type { Window } from './browser.ts'
import { SHOTS, startTwoUsers, type Account } from './twoUsers.ts'

/** The seed plans have no 任务分解 fields: these tests force 定稿 past the gate, with a reason (the other moves take no reason). */
const FORCE_FINAL = { override: true, reason: '任务分解另行下发' }

let server: TestServer
let browser: Browser
let owner: Account
let editor: Account
let a: Window
let b: Window

beforeAll(async () => {
  ;({ server, browser, alice: owner, bob: editor, a, b } = await startTwoUsers(['陈静', '王芳']))
})

afterAll(async () => {
  await browser?.close()
})

describe('the plan status in the editor', () => {
  it('an owner takes the plan to 定稿 through the status dialog, and typing stops in both browsers', async () => {
    // Every item has 牵头科室 and 完成时限, so the 任务分解 gate lets 定稿 through.
    const doc = await server.createDocument(owner.token, breakdownPlan(8))
    await server.share(doc.id, editor.user.id, 'editor')
    await openDocument(a.page, doc.id)
    await openDocument(b.page, doc.id)
    expect(await a.page.getByTestId('status-button').innerText()).toBe('起草')

    await a.page.getByTestId('status-button').click()
    const log = a.page.getByTestId('status-log').locator('li')
    for (const [n, label] of [
      [1, '征求意见'],
      [2, '审核'],
    ] as const) {
      await a.page.getByTestId('status-forward').click()
      await log.nth(n - 1).waitFor()
      await a.page.locator('.status-badge', { hasText: label }).waitFor()
    }
    expect(await log.first().innerText()).toContain('征求意见 → 审核')
    await a.page.screenshot({ path: `${SHOTS}/status-dialog.png` })
    await a.page.setViewportSize({ width: 800, height: 800 })
    await a.page.screenshot({ path: `${SHOTS}/status-dialog-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })

    // The other browser still types while the plan is under review.
    await b.page.locator('[data-type=item-title]').first().click()
    await b.page.keyboard.press('Home')
    await b.page.keyboard.type('审核中')
    await a.page.waitForFunction(() => document.querySelector('[data-type=item-title]')?.textContent?.includes('审核中'))

    await a.page.getByTestId('status-forward').click()
    await log.nth(2).waitFor()
    await a.page.keyboard.press('Escape')
    for (const w of [a, b]) {
      await w.page.locator('[data-testid=plan-editor][contenteditable=false]').waitFor()
      await w.page.getByTestId('readonly-banner').getByText('本文档已定稿').waitFor()
    }
    expect(await b.page.getByTestId('status-button').innerText()).toBe('定稿')
    const before = await itemLines(b.page)
    for (const w of [a, b]) {
      await w.page.locator('[data-type=item-title]').nth(1).click()
      await w.page.keyboard.type('定稿后想改')
      await w.page.keyboard.press('Control+Enter')
      expect(await itemLines(w.page)).toEqual(before)
    }
    await b.page.screenshot({ path: `${SHOTS}/status-final-banner.png` })
    const plan = await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${doc.id}/plan`, { token: owner.token })
    const titles = plan.body.sections.flatMap((s) => s.items).map((i) => i.title)
    expect(titles[0]).toMatch(/^审核中/)
    expect(titles.join('')).not.toContain('定稿后想改')
    const versions = await server.api<{ name: string }[]>('GET', `/api/documents/${doc.id}/versions`, { token: owner.token })
    expect(versions.body.map((v) => v.name)).toEqual(['征求意见稿', '送审稿', '定稿'])
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('an owner reopens a 定稿 plan with a reason, and it can be edited again after a reload', async () => {
    const doc = await server.createDocument(owner.token)
    await server.share(doc.id, editor.user.id, 'editor')
    for (const status of ['consultation', 'review', 'final']) await server.api('POST', `/api/documents/${doc.id}/status`, { token: owner.token, body: { status, ...(status === 'final' ? FORCE_FINAL : {}) } })
    await openDocument(a.page, doc.id, false)
    await a.page.getByTestId('status-button').click()
    await a.page.getByTestId('status-back-to').selectOption('review')
    await a.page.getByTestId('status-back').click()
    await a.page.getByRole('alert').getByText('需要填写原因').waitFor()
    await a.page.getByTestId('status-reason').fill('局长要求补充“双减”内容')
    await a.page.getByTestId('status-back').click()
    await a.page.getByTestId('status-log').getByText('原因：局长要求补充“双减”内容').waitFor()
    const status = await server.api<StatusResponse>('GET', `/api/documents/${doc.id}/status`, { token: editor.token })
    expect(status.body.status).toBe('review')
    expect(status.body.changes.at(-1)).toMatchObject({ from: 'final', to: 'review', by: { id: owner.user.id } })
    await openDocument(b.page, doc.id, true)
    expect(await b.page.getByTestId('status-button').innerText()).toBe('审核')
    // An editor sees the status and its history but no way to change it.
    await b.page.getByTestId('status-button').click()
    await b.page.getByText('只有文档所有者可以更改状态').waitFor()
    expect(await b.page.getByTestId('status-forward').count()).toBe(0)
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('the document list shows each plan’s status and filters by it', async () => {
    const done = await server.createDocument(owner.token, { template: 'blank', title: '已定稿的计划' })
    for (const status of ['consultation', 'review', 'final']) await server.api('POST', `/api/documents/${done.id}/status`, { token: owner.token, body: { status, ...(status === 'final' ? FORCE_FINAL : {}) } })
    const draft = await server.createDocument(owner.token, { template: 'blank', title: '起草中的计划' })
    await a.page.goto('/')
    await a.page.locator(`tr[data-doc-id="${done.id}"] .status-badge`, { hasText: '定稿' }).waitFor()
    expect(await a.page.locator(`tr[data-doc-id="${draft.id}"] .status-badge`).innerText()).toBe('起草')
    await a.page.getByTestId('status-filter').selectOption('final')
    await a.page.locator(`tr[data-doc-id="${draft.id}"]`).waitFor({ state: 'detached' })
    expect(await a.page.locator(`tr[data-doc-id="${done.id}"]`).count()).toBe(1)
    await a.page.screenshot({ path: `${SHOTS}/list-status.png` })
    await a.page.getByTestId('status-filter').selectOption('all')
  })
})

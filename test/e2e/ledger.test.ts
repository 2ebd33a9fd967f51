import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plan/types.ts'
import { breakdownPlan } from '../server/export/breakdownPlan.ts'
import { TEST_PASSWORD, type TestServer } from '../utils/testServer.ts'
import { openDocument, signIn, type Window } from './browser.ts'
import { SHOTS, startColleagues, type Account } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let owner: Account
let member: Account
let a: Window
let b: Window

/**
 * Six items: 德育科 leads item 1 (due 2099, not overdue) with 基教科 supporting; 基教科 leads item 2,
 * whose deadline passed in 2024 (overdue, nobody reported); the rest are 长期 under 基教科.
 */
function ledgerPlan(): Plan {
  const plan = breakdownPlan(6)
  const items = plan.sections.flatMap((s) => [...s.items, ...s.subsections.flatMap((u) => u.items)])
  items.forEach((item) => (item.breakdown = { lead: ['基教科'], deadline: '长期' }))
  items[0].breakdown = { lead: ['德育科'], support: ['基教科'], deadline: '2099年12月' }
  items[1].breakdown = { lead: ['基教科'], deadline: '2024年6月底' }
  return plan
}

beforeAll(async () => {
  const started = await startColleagues(['张伟', '李娜'], 0)
  ;({ server, browser } = started)
  ;[owner, member] = started.accounts
  // Two departments: the owner works in 基教科, 李娜 in 德育科 (set before they sign in, so the sessions carry them).
  await server.api('PUT', '/api/departments', { token: server.admin.token, body: { departments: ['基教科', '德育科', '计财科'] } })
  for (const [account, department] of [
    [owner, '基教科'],
    [member, '德育科'],
  ] as const)
    expect((await server.api('PATCH', `/api/accounts/${account.user.id}`, { token: server.admin.token, body: { department } })).status).toBe(200)
  a = await signIn(browser, server.url, '张伟', TEST_PASSWORD)
  b = await signIn(browser, server.url, '李娜', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

describe('the 工作台账 page', () => {
  it('shows the lead department’s report under 推进中 in the owner’s 台账, the overdue item tagged and counted, groups by 科室, and links each item into the editor', async () => {
    const doc = await server.createDocument(owner.token, ledgerPlan())
    await server.share(doc.id, member.user.id, 'viewer')

    // 李娜 (德育科, the lead department) reports on item 1 from 本科室任务.
    await b.page.goto('/tasks')
    await b.page.getByTestId('task-1-report').click()
    await b.page.getByTestId('progress-quarter').selectOption('2')
    await b.page.getByTestId('progress-status').selectOption('in-progress')
    await b.page.getByTestId('progress-note').fill('已完成全区德育工作调研')
    await b.page.getByTestId('progress-submit').click()
    await b.page.getByTestId('task-1-latest').filter({ hasText: '已完成全区德育工作调研' }).waitFor()
    // 本科室任务 leads to the plan's 台账 too.
    await b.page.getByTestId(`tasks-plan-${doc.id}`).getByTestId('ledger-open').click()
    await b.page.getByTestId('ledger-row-1').waitFor()
    expect(new URL(b.page.url()).pathname).toBe(`/documents/${doc.id}/ledger`)

    // The owner opens the 台账 from the 分解 tab.
    await openDocument(a.page, doc.id)
    await a.page.getByTestId('side-tab-breakdown').click()
    await a.page.getByTestId('ledger-open').click()
    await a.page.getByTestId('ledger-summary').waitFor()
    expect(await a.page.getByTestId('ledger-title').innerText()).toBe('2025年某区教育工作要点工作台账')
    expect(await a.page.getByTestId('ledger-overdue-count').innerText()).toBe('逾期 1 条')
    const inProgress = a.page.getByTestId('ledger-group-推进中')
    expect(await inProgress.locator('tbody tr').count()).toBe(1)
    expect(await inProgress.getByTestId('ledger-row-1').innerText()).toMatch(
      /第1项重点任务要加强统筹推进。\s+牵头：德育科\s+配合：基教科\s+2099年12月\s+推进中\s+第二季度\s+已完成全区德育工作调研\s+李娜（德育科） · \d{4}年\d+月\d+日/,
    )
    const unreported = a.page.getByTestId('ledger-group-未填报')
    expect(await unreported.locator('tbody tr').count()).toBe(5)
    const overdue = unreported.getByTestId('ledger-row-2')
    expect(await overdue.getAttribute('class')).toBe('overdue')
    expect(await overdue.locator('.overdue-tag').innerText()).toBe('逾期')
    expect(await a.page.locator('tr.overdue').count()).toBe(1)
    await a.page.screenshot({ path: `${SHOTS}/ledger-1280.png`, fullPage: true })
    await a.page.setViewportSize({ width: 800, height: 800 })
    await a.page.screenshot({ path: `${SHOTS}/ledger-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })

    // 按科室: item 1 under 德育科, item 2 under 基教科 (in the bureau's list order: 基教科 first).
    await a.page.getByTestId('ledger-by-department').click()
    await a.page.getByTestId('ledger-group-德育科').waitFor()
    expect(await a.page.locator('.ledger-group h2').allInnerTexts()).toEqual([expect.stringMatching(/^基教科\s*5 条，逾期 1 条$/), expect.stringMatching(/^德育科\s*1 条$/)])
    expect(await a.page.getByTestId('ledger-group-德育科').getByTestId('ledger-row-1').count()).toBe(1)
    await a.page.screenshot({ path: `${SHOTS}/ledger-by-department-1280.png`, fullPage: true })
    await a.page.getByTestId('ledger-only-overdue').check()
    await expect.poll(() => a.page.locator('.ledger-table tbody tr').count()).toBe(1)

    // The item's number leads into the editor with its lead sentence selected.
    await a.page.getByTestId('ledger-row-2').locator('a').first().click()
    await a.page.locator('[data-testid=plan-editor]').waitFor()
    await expect.poll(() => a.page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('第2项重点任务要加强统筹推进。')
    expect(new URL(a.page.url()).pathname).toBe(`/documents/${doc.id}`)
    expect(new URL(a.page.url()).search).toBe('')
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  }, 120_000)

  it('lists every item that holds 定稿 back in the status dialog, each a link that jumps to the item', async () => {
    const plan = ledgerPlan()
    delete plan.sections[1].items[0].breakdown?.lead
    const doc = await server.createDocument(owner.token, plan)
    for (const status of ['consultation', 'review']) expect((await server.api('POST', `/api/documents/${doc.id}/status`, { token: owner.token, body: { status } })).status).toBe(200)
    await openDocument(a.page, doc.id)
    await a.page.getByTestId('status-button').click()
    await a.page.getByTestId('status-forward').click()
    const items = a.page.getByTestId('final-gate-items').locator('li')
    await items.first().waitFor()
    expect(await items.allInnerTexts()).toEqual([expect.stringMatching(/^第2条 第2项重点任务要加强统筹推进。\s*缺牵头科室$/)])
    await a.page.screenshot({ path: `${SHOTS}/final-gate-list-1280.png` })
    await a.page.getByTestId('final-gate-item-2').click()
    await a.page.getByTestId('final-override').waitFor({ state: 'detached' })
    await expect.poll(() => a.page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('第2项重点任务要加强统筹推进。')
    expect(a.errors).toEqual([])
  }, 60_000)
})

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressResponse } from '../../shared/api/breakdown.ts'
import { TEST_PASSWORD, type TestServer } from '../utils/testServer.ts'
import { breakdownPlan } from '../server/export/breakdownPlan.ts'
import { openDocument, signIn, type Window } from './browser.ts'
import { SHOTS, startColleagues, type Account } from './twoUsers.ts'

const DIR = `${SHOTS}/breakdown`

let server: TestServer
let browser: Browser
let owner: Account
let member: Account
let a: Window
let b: Window

beforeAll(async () => {
  const started = await startColleagues(['张伟', '李娜'], 1)
  ;({ server, browser } = started)
  a = started.windows[0]
  ;[owner, member] = started.accounts
  // 李娜 works in 德育科 before she signs in, so her session carries it.
  await server.api('PUT', '/api/departments', { token: server.admin.token, body: { departments: ['基教科', '德育科', '计财科', '组干科', '教研室', '安全科', '人事科', '发展规划科'] } })
  expect((await server.api('PATCH', `/api/accounts/${member.user.id}`, { token: server.admin.token, body: { department: '德育科' } })).status).toBe(200)
  b = await signIn(browser, server.url, '李娜', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

describe('本科室任务 and progress reports in the browser', () => {
  it('the lead department’s member sees the item under 本科室任务 with its deadline, reports progress, and the owner sees the stamped report', async () => {
    const doc = await server.createDocument(owner.token, breakdownPlan(12))
    await server.share(doc.id, member.user.id, 'viewer')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(DIR, { recursive: true })

    // The document list's header counts the 科室's items: 德育科 leads items 2 and 10 and supports item 8.
    await b.page.reload()
    await b.page.getByTestId('tasks-link').filter({ hasText: '本科室任务3' }).waitFor()
    await b.page.getByTestId('tasks-link').click()
    await b.page.locator('h1', { hasText: '本科室任务 · 德育科' }).waitFor()
    const rows = b.page.locator('[data-testid^=task-][data-testid$=-latest]')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await b.page.getByTestId('task-2').innerText()).toMatch(/第2项重点任务要加强统筹推进。\s+牵头\s+德育科\s+第二季度\s*已逾期/)
    expect(await b.page.getByTestId('task-8').innerText()).toMatch(/配合/)
    await b.page.screenshot({ path: `${DIR}/tasks-1280.png` })

    // Report on item 2: second quarter, 已完成, with a note.
    await b.page.getByTestId('task-2-report').click()
    await b.page.getByTestId('progress-quarter').selectOption('2')
    await b.page.getByTestId('progress-status').selectOption('done')
    await b.page.getByTestId('progress-note').fill('已完成全区德育工作调研，形成实施方案')
    await b.page.screenshot({ path: `${DIR}/tasks-report-form-1280.png` })
    await b.page.getByTestId('progress-submit').click()
    await b.page.getByTestId('task-2-latest').filter({ hasText: '已完成' }).filter({ hasText: '已完成全区德育工作调研，形成实施方案' }).waitFor()
    // Reported done, the item is no longer overdue.
    await expect.poll(() => b.page.getByTestId('task-2').getAttribute('class')).toBe('')
    await b.page.setViewportSize({ width: 800, height: 800 })
    await b.page.screenshot({ path: `${DIR}/tasks-800.png` })
    await b.page.setViewportSize({ width: 1280, height: 800 })
    // A later report does not overwrite the first: 填报记录 lists both, newest first.
    await b.page.getByTestId('task-2-report').click()
    await b.page.getByTestId('progress-quarter').selectOption('3')
    await b.page.getByTestId('progress-status').selectOption('done')
    await b.page.getByTestId('progress-note').fill('持续巩固调研成果')
    await b.page.getByTestId('progress-submit').click()
    await b.page.getByTestId('task-2-latest').filter({ hasText: '持续巩固调研成果' }).waitFor()
    await b.page.getByTestId('task-2-history').click()
    const history = b.page.getByTestId('progress-history').locator('li')
    await expect.poll(() => history.count()).toBe(2)
    expect(await history.first().innerText()).toMatch(/已完成 第三季度：持续巩固调研成果/)
    expect(await history.last().innerText()).toMatch(/已完成 第二季度：已完成全区德育工作调研/)
    await b.page.screenshot({ path: `${DIR}/tasks-history-1280.png` })

    const progress = await server.api<ProgressResponse>('GET', `/api/documents/${doc.id}/progress`, { token: owner.token })
    expect(progress.body.reports).toHaveLength(2)
    expect(progress.body.reports[0]).toMatchObject({ itemId: 'i1', quarter: 2, status: 'done', by: { id: member.user.id, name: '李娜', department: '德育科' } })

    // In the plan's 分解 tab, 只看本科室 keeps the 科室's three rows.
    await openDocument(b.page, doc.id, false)
    await b.page.getByTestId('side-tab-breakdown').click()
    await b.page.getByTestId('breakdown-panel').waitFor()
    await expect.poll(() => b.page.locator('[data-testid^=bd-row-]').count()).toBe(12)
    await b.page.getByTestId('breakdown-mine').check()
    await expect.poll(() => b.page.locator('[data-testid^=bd-row-]').count()).toBe(3)
    // The 台账 at a glance: item 2's report, item 10 past its deadline and not reported.
    await b.page.getByTestId('bd-2-progress').filter({ hasText: '已完成' }).waitFor()
    expect(await b.page.getByTestId('bd-row-10').getAttribute('class')).toContain('overdue')
    expect(await b.page.getByTestId('bd-row-2').getAttribute('class')).not.toContain('overdue')
    await b.page.screenshot({ path: `${DIR}/breakdown-mine-1280.png` })
    await b.page.setViewportSize({ width: 800, height: 800 })
    await b.page.screenshot({ path: `${DIR}/breakdown-mine-800.png` })
    await b.page.setViewportSize({ width: 1280, height: 800 })
    expect(b.errors).toEqual([])
  }, 120_000)

  it('the 检查 tab flags a department that is not on the bureau’s 科室 list', async () => {
    const plan = breakdownPlan(6)
    const first = plan.sections[0].items[0]
    first.breakdown = { ...first.breakdown, lead: ['新设科室'] }
    const doc = await server.createDocument(owner.token, plan)
    await server.share(doc.id, member.user.id, 'viewer')
    await openDocument(b.page, doc.id, false)
    await b.page.getByTestId('side-tab-checks').click()
    const finding = b.page.locator('[data-testid=checks-panel] .finding[data-kind=unknown-department]')
    await finding.filter({ hasText: '“新设科室”不在本局科室名单中' }).waitFor()
    expect(await finding.count()).toBe(1)
  }, 60_000)

  it('refuses 定稿 in the status dialog while an item lacks 牵头科室, allows it once filled, and lets the owner force it with a reason', async () => {
    const plan = breakdownPlan(6)
    delete plan.sections[1].items[0].breakdown?.lead
    const doc = await server.createDocument(owner.token, plan)
    for (const status of ['consultation', 'review']) await server.api('POST', `/api/documents/${doc.id}/status`, { token: owner.token, body: { status } })
    await openDocument(a.page, doc.id, true)
    await a.page.getByTestId('status-button').click()
    await a.page.getByTestId('status-forward').click()
    await a.page.locator('[role=alert]', { hasText: '还有 1 条未填牵头科室或完成时限，不能定稿：第2条“第2项重点任务要加强统筹推进”缺牵头科室' }).waitFor()
    await a.page.getByTestId('final-override').waitFor()
    await a.page.screenshot({ path: `${DIR}/final-refused-1280.png` })
    // Filled in the 分解 tab, the item no longer holds 定稿 back.
    await a.page.keyboard.press('Escape')
    await a.page.getByTestId('side-tab-breakdown').click()
    const cell = a.page.getByTestId('bd-2-lead')
    await cell.fill('德育科')
    await cell.press('Enter')
    await expect
      .poll(
        async () =>
          (await server.api<{ sections: Array<{ items: Array<{ breakdown?: { lead?: string[] } }> }> }>('GET', `/api/documents/${doc.id}/plan`, { token: owner.token })).body.sections[1].items[0].breakdown
            ?.lead,
      )
      .toEqual(['德育科'])
    await a.page.getByTestId('status-button').click()
    await a.page.getByTestId('status-forward').click()
    await a.page.getByTestId('status-log').filter({ hasText: '审核 → 定稿' }).waitFor()
    // Another plan with the gap: the owner forces 定稿 with a reason, which the status record shows.
    const other = await server.createDocument(owner.token, plan)
    for (const status of ['consultation', 'review']) await server.api('POST', `/api/documents/${other.id}/status`, { token: owner.token, body: { status } })
    await openDocument(a.page, other.id, true)
    await a.page.getByTestId('status-button').click()
    await a.page.getByTestId('status-forward').click()
    await a.page.getByTestId('final-override-reason').fill('第2条由局长办公会另行分工')
    await a.page.getByTestId('final-override-submit').click()
    await a.page.getByTestId('status-log').filter({ hasText: '强制定稿，原因：第2条由局长办公会另行分工' }).waitFor()
    await a.page.screenshot({ path: `${DIR}/final-forced-1280.png` })
    expect(a.errors).toEqual([])
  }, 120_000)
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { runChecks } from '../../shared/checks/runChecks.ts'
import { carryForward } from '../../shared/plan/carryForward.ts'
import { districtSeed, municipalSeed } from '../utils/seeds.ts'
import type { TestServer } from '../utils/testServer.ts'
import { openDocument, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { SHOTS, startColleagues, type Account } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let alice: Account
let bob: Account
let carol: Account
let a: Window
let b: Window
let r: Window
let prior: DocumentInfo
let municipal: DocumentInfo

/**
 * As on a first start: last year's district plan, the municipal plan, and next year's draft carried
 * forward from the district plan and linked to both. 张伟 and 李娜 edit the draft, 王芳 reviews it.
 */
async function draftDocument(): Promise<string> {
  const draft = await server.createDocument(alice.token, { carryFrom: prior.id })
  const linked = await server.api<DocumentInfo>('PATCH', `/api/documents/${draft.id}`, { token: alice.token, body: { municipalId: municipal.id } })
  expect(linked.status).toBe(200)
  await server.share(draft.id, bob.user.id, 'editor')
  await server.share(draft.id, carol.user.id, 'reviewer')
  return draft.id
}

/** Opens a side panel tab (the panel is open by default on a first visit). */
async function openTab(page: Page, tab: 'checks' | 'align' | 'coverage'): Promise<void> {
  await page.getByTestId(`side-tab-${tab}`).click()
  await page.getByTestId({ checks: 'checks-panel', align: 'alignment-panel', coverage: 'coverage-panel' }[tab]).waitFor()
}

/** Puts the cursor in the lead sentence of the item that starts with `start`. */
async function cursorIn(page: Page, start: string): Promise<void> {
  await page.locator('[data-type=item-title]', { hasText: start }).first().click()
}

/** The text of the item whose lead sentence starts with `start`, without collaborators' caret labels. */
function itemText(page: Page, start: string): Promise<string> {
  return page
    .locator('[data-type=item]', { has: page.locator('[data-type=item-title]', { hasText: start }) })
    .first()
    .evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[contenteditable=false], .collab-caret').forEach((c) => c.remove())
      return copy.textContent ?? ''
    })
}

/** Waits until the selection is on screen: smooth scrolling has brought it into view. */
async function settledScroll(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const sel = window.getSelection()
    if (!sel?.rangeCount) return false
    const r = sel.getRangeAt(0).getBoundingClientRect()
    return r.top > 200 && r.bottom < 650
  })
}

beforeAll(async () => {
  const started = await startColleagues(['张伟', '李娜', '王芳'])
  ;({ server, browser } = started)
  ;[alice, bob, carol] = started.accounts
  ;[a, b, r] = started.windows
  prior = await server.createDocument(alice.token, districtSeed())
  municipal = await server.createDocument(alice.token, municipalSeed())
  for (const doc of [prior, municipal]) for (const u of [bob, carol]) await server.share(doc.id, u.user.id, 'viewer')
})

afterAll(async () => {
  await browser?.close()
})

describe('the alignment panel', () => {
  it('shows the municipal suggestions for the item under the cursor; one user accepts and the other sees the link at once', async () => {
    const docId = await draftDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await openDocument(r.page, docId) // a reviewer types in 修订 mode: the editor is editable
    for (const page of [a.page, b.page, r.page]) {
      await openTab(page, 'align')
      await cursorIn(page, '落实“双减”实施意见')
      await page.locator('.item-alignment[data-item="7"]').waitFor()
    }
    // 7.落实“双减”实施意见 → 9.开展“双减”治理工作 comes first, with “双减” marked in both texts.
    const first = a.page.getByTestId('candidate').first()
    expect(await first.getAttribute('data-municipal')).toBe('9')
    expect(await first.locator('.term-chip').allInnerTexts()).toContain('“双减”')
    expect(await first.locator('.district-text mark', { hasText: '双减' }).count()).toBeGreaterThan(0)
    expect(await first.locator('.municipal-text mark', { hasText: '双减' }).count()).toBeGreaterThan(0)
    await b.page.getByTestId('confirmed-links').waitFor({ state: 'detached' })

    await first.getByTestId('accept').click()
    for (const page of [b.page, r.page]) {
      const confirmed = page.getByTestId('confirmed-links').locator('li[data-municipal="9"]')
      await confirmed.waitFor()
      expect(await confirmed.innerText()).toContain('张伟')
      expect(await page.locator('[data-testid=candidate][data-municipal="9"] .decision-badge').innerText()).toBe('已采纳')
    }
    // The reviewer sees the decision but is offered no buttons: the server would drop the change.
    expect(await r.page.locator('.readonly-note').count()).toBe(1)
    expect(await r.page.getByTestId('accept').count()).toBe(0)
    expect(await r.page.getByTestId('toggle-local').count()).toBe(0)

    // 李娜 rejects the second suggestion; 张伟 sees it dimmed with her name.
    const second = b.page.getByTestId('candidate').nth(1)
    const secondNumber = await second.getAttribute('data-municipal')
    await second.getByTestId('reject').click()
    const rejected = a.page.locator(`[data-testid=candidate][data-municipal="${secondNumber}"].decision-rejected`)
    await rejected.waitFor()
    expect(await rejected.getByTestId('link-byline').innerText()).toContain('李娜')

    // A link survives edits of the text around it, and an undone decision disappears for both.
    await cursorIn(a.page, '落实“双减”实施意见')
    await a.page.keyboard.press('End')
    await a.page.keyboard.type('（修订）')
    // Read without carets: the reviewer's caret (she can type 修订 now) may sit inside the sentence.
    await waitForItemLine(b.page, '7.落实“双减”实施意见。（修订）')
    expect(await b.page.getByTestId('confirmed-links').locator('li[data-municipal="9"]').count()).toBe(1)
    await a.page.locator(`[data-testid=candidate][data-municipal="${secondNumber}"]`).getByTestId('undo-decision').click()
    await b.page.locator(`[data-testid=candidate][data-municipal="${secondNumber}"].decision-open`).waitFor()

    await a.page
      .locator('.cand-texts')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await a.page.getByTestId('alignment-panel').evaluate((el) => el.closest('.side-body')?.scrollTo({ top: 0 }))
    await a.page.screenshot({ path: `${SHOTS}/alignment-panel.png` })
    const ms = Number(await a.page.getByTestId('alignment-timing').getAttribute('data-ms'))
    console.log(`alignment of 30 district × 18 municipal items in the browser: ${ms.toFixed(1)} ms`)
    expect([a.errors, b.errors, r.errors]).toEqual([[], [], []])
  })

  it('marks an item as local for everyone and takes it out of the unlinked items', async () => {
    const docId = await draftDocument()
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await openTab(a.page, 'align')
    await openTab(b.page, 'coverage')
    const unlinked = b.page.getByTestId('unlinked-items')
    await unlinked.getByText('推进依法治教').waitFor()
    await cursorIn(a.page, '推进依法治教')
    await a.page.getByTestId('toggle-local').click()
    await unlinked.getByText('推进依法治教').waitFor({ state: 'detached' })
    expect(await a.page.getByTestId('confirmed-links').innerText()).toContain('本区特色')
  })
})

describe('the checks panel', () => {
  it('lists the findings of the carried-forward draft, jumps to one, and a fix made in one browser shows in the other', async () => {
    const docId = await draftDocument()
    const seed = districtSeed()
    const expected = runChecks(carryForward(seed), { prior: seed, municipal: municipalSeed() })
    const stale = expected.filter((f) => f.kind === 'stale-year')
    expect(stale.length).toBeGreaterThanOrEqual(2)
    await openDocument(a.page, docId)
    await openDocument(b.page, docId)
    await openTab(a.page, 'checks')
    await openTab(b.page, 'checks')
    const findings = (page: Page) => page.locator('[data-testid=checks-panel] .finding')
    await a.page.getByTestId('checks-timing').filter({ hasText: '已对照上年计划和市级工作要点' }).waitFor()
    expect(await findings(a.page).count()).toBe(expected.length)
    expect(await a.page.locator('.kind-chip[data-kind=stale-year] b').innerText()).toBe(String(stale.length))

    // Clicking the finding selects the stale year in item 12.
    const item12 = (page: Page) => page.locator('[data-testid=checks-panel] .finding[data-kind=stale-year]', { hasText: '2021年' }).filter({ has: page.locator('.finding-where', { hasText: '第12条' }) })
    await item12(a.page).locator('.finding-main').click()
    expect(await a.page.evaluate(() => window.getSelection()?.toString())).toBe('2021')
    await settledScroll(a.page)
    await a.page.screenshot({ path: `${SHOTS}/checks-panel.png` })

    expect(await itemText(b.page, '深化“四个结合”工作机制')).toContain('组织开展2021年闵行区青少年科技节')
    await item12(a.page).getByTestId('fix').click()
    await b.page.waitForFunction(() => [...document.querySelectorAll('[data-type=item]')].some((el) => (el.textContent ?? '').includes('组织开展2022年闵行区青少年科技节')))
    await item12(b.page).waitFor({ state: 'detached' })
    expect(await findings(b.page).count()).toBe(expected.length - 1)

    // The fix is the user's own edit: Ctrl+Z takes it back, for both.
    await a.page.getByTestId('plan-editor').focus()
    await a.page.keyboard.press('Control+z')
    await item12(b.page).waitFor()
    expect(await itemText(b.page, '深化“四个结合”工作机制')).toContain('组织开展2021年闵行区青少年科技节')

    const ms = Number(await a.page.getByTestId('checks-timing').getAttribute('data-ms'))
    console.log(`all checks on the 30-item draft with prior and municipal plans, in the browser: ${ms.toFixed(1)} ms`)
    expect([a.errors, b.errors]).toEqual([[], []])
  })

  it('fixes every stale year at once as one undoable edit', async () => {
    const docId = await draftDocument()
    await openDocument(a.page, docId)
    await openTab(a.page, 'checks')
    await a.page.locator('.kind-chip[data-kind=stale-year]').click()
    await a.page.getByTestId('fix-all').click()
    await a.page.locator('.kind-chip[data-kind=stale-year]').waitFor({ state: 'detached' })
    const plan = await server.api<{ preamble: string[] }>('GET', `/api/documents/${docId}/plan`, { token: alice.token })
    expect(plan.body.preamble[0]).toMatch(/^2022年是/)
    await a.page.locator('[data-type=item-title]').first().click()
    await a.page.keyboard.press('Control+z')
    await a.page.locator('.kind-chip[data-kind=stale-year]').waitFor()
  })
})

describe('the coverage view', () => {
  it('draws every municipal × district pair, marks confirmed links, lists what is uncovered and opens an item from a cell', async () => {
    const docId = await draftDocument()
    await openDocument(a.page, docId)
    await openTab(a.page, 'align')
    await cursorIn(a.page, '加强学生心理健康教育')
    await a.page.locator('[data-testid=candidate][data-municipal="3"]').getByTestId('accept').click()
    await openTab(a.page, 'coverage')
    await a.page.getByTestId('heatmap-thumb').waitFor()
    expect(await a.page.getByTestId('confirmed-list').locator('li').allInnerTexts()).toEqual([expect.stringMatching(/13\s*→\s*市3\s*张伟/)])
    expect(await a.page.getByTestId('uncovered-tasks').locator('.task-list li').count()).toBeGreaterThan(0)
    // The three verdicts: 已落实 counted in the figure, 部分相关 listed with the district sentence that shows it, 未覆盖 listed alone.
    const tasks = a.page.getByTestId('uncovered-tasks')
    expect(await a.page.locator('.coverage-figures').first().innerText()).toMatch(/市级任务已落实（另有 \d+ 项部分相关）/)
    const partial = tasks.locator('li.task-partial').first()
    expect(await partial.locator('.verdict-tag').innerText()).toBe('部分相关')
    expect(await partial.locator('.evidence').innerText()).toMatch(/^区\d+：\S+/)
    expect(await tasks.locator('li.task-none .verdict-tag').first().innerText()).toBe('未覆盖')
    expect(await tasks.locator('li.task-none .evidence').count()).toBe(0)
    expect(await tasks.locator('li.task-done').count()).toBe(0)
    await a.page.getByTestId('open-heatmap').click()
    const map = a.page.getByTestId('heatmap')
    await map.waitFor()
    expect(await map.locator('.cell').count()).toBe(18 * 30)
    expect(await map.locator('.cell.accepted').count()).toBe(1)
    // Row 3 (municipal 3) × column 13 (district 13) is the confirmed one.
    const cell = map.locator('.cell').nth(2 * 30 + 12)
    expect(await cell.getAttribute('data-state')).toBe('accepted')
    await map
      .locator('.cell')
      .nth(8 * 30 + 6)
      .hover()
    const tip = a.page.locator('.heat-tip')
    await tip.waitFor()
    expect(await tip.innerText()).toContain('市级第9条')
    expect(await tip.innerText()).toContain('区级第7条')
    expect(await tip.innerText()).toContain('“双减”')
    await a.page.screenshot({ path: `${SHOTS}/coverage-heatmap.png` })
    await cell.click()
    await a.page.getByTestId('coverage-dialog').waitFor({ state: 'detached' })
    expect(await a.page.evaluate(() => window.getSelection()?.toString())).toBe('加强学生心理健康教育。')
    expect(a.errors).toEqual([])
  })
})

import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo, VersionInfo } from '../../shared/api/types.ts'
import { parsePlanJson, toPlanJson, type PlanJson } from '../../shared/plan/planJson.ts'
import { connectClient } from '../utils/collabClient.ts'
import { planOf } from '../utils/planText.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { waitForDoc } from '../utils/waitFor.ts'
import { seedDraft } from '../shared/diff/fixtures/seedDraft.ts'
import { subsectionBase, subsectionRenamed } from '../shared/review/subsectionPlans.ts'
import JSZip from 'jszip'
import { readFile } from 'node:fs/promises'
import { carryForward, createPrior, saveVersion, type Person } from '../server/review/reviewFixture.ts'
import { cursorAtEndOfItem, launchBrowser, openDocument, signIn, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

const SHOTS = 'artifacts/screenshots'
const SAFETY = '加强教育系统安全生产。落实安全生产责任制，开展校园燃气、用电、实验室危险化学品专项检查，组织全体教职工开展应急疏散演练。'

let server: TestServer
let browser: Browser
let owner: Person
let editor: Person
let reviewer: Person
let prior: DocumentInfo
let draft: DocumentInfo
let version: VersionInfo
let ownerWindow: Window
let reviewerWindow: Window

beforeAll(async () => {
  await ensureClientBuilt()
  server = await startTestServer()
  browser = await launchBrowser()
  owner = await server.createUser('赵敏')
  editor = await server.createUser('李娜')
  reviewer = await server.createUser('周静')
  prior = await createPrior(server, owner)
  draft = await carryForward(server, owner, prior)
  await server.share(draft.id, editor.user.id, 'editor')
  await server.share(draft.id, reviewer.user.id, 'reviewer')
  await server.share(prior.id, reviewer.user.id, 'viewer')
  // The reviewer read the draft before anyone edited it (a visit from an earlier day, say), and the owner saved it as 征求意见稿.
  await server.api('POST', `/api/documents/${draft.id}/visit`, { token: reviewer.token })
  version = await saveVersion(server, owner.token, draft.id, '征求意见稿')

  ownerWindow = await signIn(browser, server.url, '赵敏', TEST_PASSWORD)
  reviewerWindow = await signIn(browser, server.url, '周静', TEST_PASSWORD)
  // 赵敏 rewords item 2 in the editor.
  await openDocument(ownerWindow.page, draft.id)
  await cursorAtEndOfItem(ownerWindow.page, '加强学校安全管理')
  await ownerWindow.page.keyboard.type('严格落实校园安全责任。')
  await waitForItemLine(ownerWindow.page, '2.加强学校安全管理。严格落实校园安全责任。')
  // 李娜 moves item 13 to section 一, deletes item 26 and adds an item at the end, with the toolbar.
  const watcher = await connectClient(server, draft.id, owner.token)
  const li = await signIn(browser, server.url, '李娜', TEST_PASSWORD)
  await openDocument(li.page, draft.id)
  await waitForItemLine(li.page, '2.加强学校安全管理。严格落实校园安全责任。')
  await cursorAtEndOfItem(li.page, '加强学生心理健康教育')
  await li.page.getByTestId('move-to-section').click()
  await li.page.locator('.menu-item', { hasText: '一、' }).click()
  await waitForItemLine(li.page, '3.加强学生心理健康教育。')
  await cursorAtEndOfItem(li.page, '平稳应对大体量招生')
  await li.page.getByTestId('delete-item').click()
  await cursorAtEndOfItem(li.page, '规范教育行政服务')
  await li.page.getByTestId('insert-item').click()
  const cut = SAFETY.indexOf('。') + 1
  await li.page.keyboard.type(SAFETY.slice(0, cut))
  await li.page.keyboard.press('Enter')
  await li.page.keyboard.type(SAFETY.slice(cut))
  await waitForDoc(watcher.doc, (d) => {
    const items = planOf(d).sections.flatMap((s) => s.items)
    return items.length === 30 && items[29].title + items[29].body === SAFETY && !items.some((it) => it.title.startsWith('平稳应对'))
  })
  expect(li.errors).toEqual([])
  await li.context.close()
  watcher.close()
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

/** The number shown on a summary count. */
async function stat(w: Window, name: string): Promise<string> {
  return (await w.page.getByTestId(`stat-${name}`).locator('b').innerText()).trim()
}

describe('review page', () => {
  it('shows a reviewer the draft against last year’s plan: counts, labels and marks', async () => {
    const { page } = reviewerWindow
    await openDocument(page, draft.id) // a reviewer types in 修订 mode: the editor is editable
    await page.screenshot({ path: `${SHOTS}/review-entry-editor.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } })
    await page.getByTestId('open-review').click()
    await page.getByTestId('review-inline').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/documents/${draft.id}/review`)
    expect(await page.getByTestId('review-base').inputValue()).toBe('prior')
    expect(await page.locator('[data-testid=review-base] option:checked').innerText()).toBe(`上年计划《${prior.title}》`)

    expect(await stat(reviewerWindow, 'changed')).toBe('4')
    for (const [kind, n] of [
      ['reworded', '1'],
      ['added', '1'],
      ['removed', '1'],
      ['moved', '1'],
    ])
      expect(await stat(reviewerWindow, kind)).toBe(n)
    expect(await page.getByTestId('stat-merged').count()).toBe(0)

    const moved = page.locator('.rv-item[data-kind=moved]')
    expect(await moved.locator('.rv-note').innerText()).toBe('原第13条，由原第五部分移入')
    expect(await moved.locator('.rv-num').first().innerText()).toBe('3.')
    const removed = page.locator('.rv-item[data-kind=removed]')
    expect(await removed.locator('.rv-note').innerText()).toBe('删除原第26条')
    expect(await removed.locator('del').first().innerText()).toBe('平稳应对大体量招生。')
    expect(await page.locator('.rv-item[data-kind=added] ins').first().innerText()).toBe('加强教育系统安全生产。')
    const reworded = page.locator('.rv-item[data-kind=reworded]')
    expect(await reworded.locator('ins').allInnerTexts()).toEqual(['严格落实校园安全责任。'])
    // Against the prior-year plan nobody is named: the changes span two documents.
    expect(await page.getByTestId('change-authors').count()).toBe(0)
    // The title moved on a year.
    expect(await page.locator('.rv-title del').innerText()).toBe('2021')
    expect(await page.locator('.rv-title ins').innerText()).toBe('2022')
    expect(await page.getByTestId('change-list').locator('.change-line').allInnerTexts()).toHaveLength(4)
    // The change list brings a change into view.
    await page.getByTestId('change-list').locator('.change-line', { hasText: '第2条' }).click()
    await page.waitForFunction(() => {
      const r = document.querySelector('.rv-item[data-kind=reworded]')?.getBoundingClientRect()
      return !!r && r.top >= 0 && r.bottom <= innerHeight && !document.querySelector('.rv-flash')
    })
    await page.screenshot({ path: `${SHOTS}/review-inline.png` })

    await page.getByTestId('view-side').click()
    await page.getByTestId('review-side').waitFor()
    const row = page.locator('.compare-row[data-kind=moved]')
    expect(await row.locator('.compare-cell.old .rv-num').innerText()).toBe('13.')
    expect(await row.locator('.compare-cell.new .rv-num').innerText()).toBe('3.')
    await page.getByTestId('only-changes').check()
    expect(await page.getByTestId('review-change').count()).toBe(4)
    expect(new URL(page.url()).search).toBe('?view=side&only=1')
    await page.screenshot({ path: `${SHOTS}/review-side.png` })

    // A count in the summary filters to its kind.
    await page.getByTestId('stat-moved').click()
    expect(await page.getByTestId('review-change').count()).toBe(1)
    expect(reviewerWindow.errors).toEqual([])
  })

  it('names who made each change since a version and since the reviewer’s last visit', async () => {
    const { page } = reviewerWindow
    await page.goto(`/documents/${draft.id}/review?base=version:${version.id}`)
    await page.getByTestId('review-inline').waitFor()
    expect(await stat(reviewerWindow, 'changed')).toBe('4')
    const authorsOf = (kind: string): Promise<string[]> => page.locator(`.rv-item[data-kind=${kind}] .rv-author-name`).allInnerTexts()
    expect(await authorsOf('reworded')).toEqual(['赵敏'])
    expect(await authorsOf('moved')).toEqual(['李娜'])
    expect(await authorsOf('added')).toEqual(['李娜'])
    expect(await authorsOf('removed')).toEqual(['李娜'])
    // The version already had next year's title: no title change now.
    expect(await page.locator('.rv-title ins, .rv-title del').count()).toBe(0)
    await page.getByTestId('only-changes').check()
    await page.screenshot({ path: `${SHOTS}/review-version-inline.png` })
    await page.getByTestId('view-side').click()
    await page.locator('.compare-row[data-kind=moved] .rv-author-name').waitFor()
    await page.screenshot({ path: `${SHOTS}/review-version-side.png` })
    await page.getByTestId('view-inline').click()

    // Since the last visit: the reviewer read the draft before anyone edited it.
    await page.getByTestId('review-base').selectOption('visit')
    await page.locator('.rv-item[data-kind=moved] .rv-author-name').waitFor()
    expect(await stat(reviewerWindow, 'changed')).toBe('4')
    expect(await authorsOf('reworded')).toEqual(['赵敏'])
    expect(await authorsOf('moved')).toEqual(['李娜'])
    expect(new URL(page.url()).search).toBe('?base=visit&only=1')
    expect(await page.locator('[data-testid=review-base] option:checked').innerText()).toMatch(/^自上次访问以来（今天 \d\d:\d\d）$/)

    // 赵敏 edits once more while the page is open; 刷新 shows it without leaving the page.
    const watcher = await connectClient(server, draft.id, reviewer.token)
    await cursorAtEndOfItem(ownerWindow.page, '实施学龄前儿童善育工程')
    await ownerWindow.page.keyboard.type('扩大托育服务供给。')
    await waitForDoc(watcher.doc, (d) => planOf(d).sections[1].items[0].title.endsWith('扩大托育服务供给。'))
    watcher.close()
    await page.getByTestId('refresh-review').click()
    await page.locator('[data-testid=stat-changed] b', { hasText: '5' }).waitFor()
    expect(await stat(reviewerWindow, 'reworded')).toBe('2')
    expect(reviewerWindow.errors).toEqual([])
  })

  it('downloads the 修改对照表 and tells a user without access to last year’s plan why there is no comparison', async () => {
    const { page } = reviewerWindow
    await page.goto(`/documents/${draft.id}/review`)
    await page.getByTestId('review-inline').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-review').click()])
    expect(download.suggestedFilename()).toBe('修改对照表-2022年下半年闵行教育工作要点.docx')

    const outsider = await server.createUser('陈晨')
    await server.share(draft.id, outsider.user.id, 'viewer')
    const w = await signIn(browser, server.url, '陈晨', TEST_PASSWORD)
    await w.page.goto(`/documents/${draft.id}/review?base=prior`)
    await w.page.getByTestId('review-error').waitFor()
    expect(await w.page.getByTestId('review-error').innerText()).toBe('您没有查看上年计划的权限，无法与上年对照。请联系上年计划的所有者为您开通查看权限。')
    expect(await w.page.locator('[data-testid=review-base] option[value=prior]').innerText()).toBe('上年计划（您没有查看权限）')

    // A document with nothing to compare with says so, and how to get something.
    const lone = await server.createDocument(owner.token)
    await server.share(lone.id, outsider.user.id, 'viewer')
    await w.page.goto(`/documents/${lone.id}/review`)
    await w.page.getByTestId('review-nothing').waitFor()
    expect(await w.page.getByTestId('export-review').isDisabled()).toBe(true)
    await w.context.close()
  })

  it('labels merges, splits, moves, section changes and target changes of a scripted next-year draft', async () => {
    const source = parsePlanJson((await server.api<PlanJson>('GET', `/api/documents/${prior.id}/plan`, { token: owner.token })).body).plan
    const scripted = seedDraft(source)
    const base64 = Buffer.from(JSON.stringify(toPlanJson(scripted.draft))).toString('base64')
    const doc = await server.createDocument(owner.token, { import: { filename: 'draft.json', base64 }, priorId: prior.id })
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    const { page } = reviewerWindow
    await page.goto(`/documents/${doc.id}/review`)
    await page.getByTestId('review-inline').waitFor()
    // Every entry the scripted edits must give (see test/shared/diff/fixtures/seedDraft.ts), by kind.
    const changed = scripted.expected.filter((e) => e.kind !== 'unchanged')
    expect(await stat(reviewerWindow, 'changed')).toBe(String(changed.length))
    for (const kind of ['reworded', 'added', 'removed', 'moved', 'merged', 'split']) {
      expect(await stat(reviewerWindow, kind)).toBe(String(changed.filter((e) => e.kind === kind).length))
    }
    expect(await page.getByTestId('stat-sections').textContent()).toBe('部分标题修改 1 · 新增 1 · 删除 1')
    expect(await page.getByTestId('stat-targets').locator('b').innerText()).toBe('3')
    expect(await page.locator('.rv-item[data-kind=merged] .rv-note').innerText()).toBe('原第6、7条合并')
    expect(await page.locator('.rv-item[data-kind=split] .rv-note').innerText()).toMatch(/^原第12条拆分为第\d+、\d+条$/)
    expect(await page.locator('.rv-item[data-kind=split] .rv-num').count()).toBe(2)
    const renamed = page.locator('.rv-heading-block[data-kind=renamed]')
    expect(await renamed.locator('.rv-head').innerText()).toBe('标题修改\n原第八部分')
    expect(await renamed.locator('del').allInnerTexts()).toEqual(['提升', '水平'])
    expect(await renamed.locator('ins').allInnerTexts()).toEqual(['推进', '现代化'])
    expect(await page.locator('.rv-heading-block[data-kind=removed] .rv-chip').innerText()).toBe('删除部分')
    expect(await page.locator('.rv-heading-block[data-kind=added] .rv-chip').innerText()).toBe('新增部分')
    const targets = await page.getByTestId('change-list').locator('.target-text').allInnerTexts()
    expect(targets.map((t) => t.replace(/（.*）$/, '')).sort()).toEqual([...scripted.expectedTargets].sort())
    await page.getByTestId('change-list').locator('.change-line', { hasText: '合并' }).click()
    await page.waitForFunction(() => {
      const r = document.querySelector('.rv-item[data-kind=merged]')?.getBoundingClientRect()
      return !!r && r.top >= 0 && r.bottom <= innerHeight && !document.querySelector('.rv-flash')
    })
    await page.screenshot({ path: `${SHOTS}/review-seed-draft-inline.png` })
    await page.getByTestId('only-changes').check()
    await page.getByTestId('change-list').locator('.change-line', { hasText: '标题修改' }).click()
    await page.waitForFunction(() => {
      const r = document.querySelector('.rv-heading-block[data-kind=renamed]')?.getBoundingClientRect()
      return !!r && r.top >= 0 && r.bottom <= innerHeight && !document.querySelector('.rv-flash')
    })
    await page.screenshot({ path: `${SHOTS}/review-seed-draft-sections.png` })
    await page.getByTestId('only-changes').uncheck()
    await page.getByTestId('view-side').click()
    await page.getByTestId('only-changes').check()
    await page.getByTestId('change-list').locator('.change-line', { hasText: '拆分' }).click()
    await page.waitForFunction(() => {
      const r = document.querySelector('.compare-row[data-kind=split]')?.getBoundingClientRect()
      const header = document.querySelector('.compare-header')?.getBoundingClientRect()
      return !!r && !!header && Math.abs(r.top - header.bottom) < 8 && !document.querySelector('.rv-flash')
    })
    await page.screenshot({ path: `${SHOTS}/review-seed-draft-side.png` })
    expect(reviewerWindow.errors).toEqual([])
  })

  it('shows a renamed sub-section heading on the page and in the 修改对照表, both from the one review model (screenshots at 1280 and 800 wide)', async () => {
    const asJson = (plan: ReturnType<typeof subsectionBase>): string => Buffer.from(JSON.stringify(toPlanJson(plan))).toString('base64')
    const base = await server.createDocument(owner.token, { import: { filename: 'base.json', base64: asJson(subsectionBase()) }, kind: 'prior' })
    const doc = await server.createDocument(owner.token, {
      import: { filename: 'renamed.json', base64: asJson({ ...subsectionRenamed(true), preamble: ['闵行教育坚持立德树人根本任务，办好人民满意的教育。'] }) },
      priorId: base.id,
    })
    for (const id of [base.id, doc.id]) await server.share(id, reviewer.user.id, 'reviewer')
    const { page } = reviewerWindow
    await page.goto(`/documents/${doc.id}/review`)
    await page.getByTestId('review-inline').waitFor()
    const inline = page.locator('.rv-heading-block[data-kind=renamed]')
    expect(await inline.locator('.rv-chip').innerText()).toBe('标题修改')
    expect(await inline.locator('ins').allInnerTexts()).toEqual(['和社会实践'])
    expect(await page.getByTestId('change-list').locator('.change-line').allInnerTexts()).toHaveLength(2)

    await page.getByTestId('view-side').click()
    const row = page.locator('.compare-row.compare-section[data-kind=renamed]')
    expect(await row.locator('.compare-cell.old').innerText()).toBe('（二）深化劳动教育')
    expect(await row.locator('.compare-cell.new').innerText()).toBe('（二）深化劳动教育和社会实践')
    expect(await page.locator('.compare-preamble .rv-chip').innerText()).toBe('导语修改')
    expect(await page.locator('.compare-preamble .compare-cell.new ins').innerText()).toBe('，办好人民满意的教育')
    await page.screenshot({ path: `${SHOTS}/review-subsection-side-1280.png` })
    await page.setViewportSize({ width: 800, height: 800 })
    await row.waitFor()
    await page.screenshot({ path: `${SHOTS}/review-subsection-side-800.png` })
    await page.getByTestId('view-inline').click()
    await page.screenshot({ path: `${SHOTS}/review-subsection-inline-800.png` })
    await page.setViewportSize({ width: 1280, height: 800 })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-review').click()])
    const xml = (await (await JSZip.loadAsync(await readFile(await download.path()))).file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('（二）深化劳动教育和社会实践【标题修改】小节标题修改（原（二），现（二））')
    expect(text).toContain('【修改】修改文字')
    expect(text).toContain('【导语修改】导语（开头段落）修改')
    expect(reviewerWindow.errors).toEqual([])
  })
})

import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cursorAtEndOfItem, itemLines } from './browser.ts'
import { SHOTS, startColleagues, type Colleagues } from './twoUsers.ts'

const DIR = `${SHOTS}/reviewSuggestions`
let t: Colleagues

beforeAll(async () => {
  t = await startColleagues(['王强', '李娜', '赵敏'])
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

/** The texts of the 修订 listed in the review page's side column. */
function listed(page: Page): Promise<string[]> {
  return page.getByTestId('review-suggestions').locator('[data-testid=review-suggestion]').allInnerTexts()
}

describe('修订 on the review page', () => {
  it('shows open and decided 修订 beside their items with 采纳情况, filters them by person, 科室 and status, and the 修改对照表 has 采纳情况', async () => {
    const { server, accounts, windows } = t
    const [editor, li, zhao] = accounts
    const [a, b, c] = windows
    const admin = server.admin.token
    await server.api('PUT', '/api/departments', { token: admin, body: { departments: ['基础教育科', '办公室'] } })
    await server.api('PATCH', `/api/accounts/${li.user.id}`, { token: admin, body: { department: '基础教育科' } })
    await server.api('PATCH', `/api/accounts/${zhao.user.id}`, { token: admin, body: { department: '办公室' } })
    const doc = await server.createDocument(admin)
    await server.share(doc.id, editor.user.id, 'editor')
    await server.share(doc.id, li.user.id, 'reviewer')
    await server.share(doc.id, zhao.user.id, 'reviewer')
    const version = (await server.api<{ id: string }>('POST', `/api/documents/${doc.id}/versions`, { token: admin, body: { name: '征求意见稿' } })).body
    await a.page.setViewportSize({ width: 1280, height: 800 })
    await open(a.page, doc.id)
    await open(b.page, doc.id)
    await open(c.page, doc.id)
    const lines = (await itemLines(a.page)).map((l) => l.replace(/^\d+\./, ''))

    // 李娜 (基础教育科) suggests in items 1 and 2, 赵敏 (办公室) in item 3.
    await cursorAtEndOfItem(b.page, lines[0].slice(0, 6))
    await b.page.keyboard.type('（补充）')
    await cursorAtEndOfItem(b.page, lines[1].slice(0, 6))
    await b.page.keyboard.type('（另议）')
    await cursorAtEndOfItem(c.page, lines[2].slice(0, 6))
    await c.page.keyboard.type('（待定）')
    await a.page.waitForFunction(() => [...document.querySelectorAll('.plan-doc ins')].length === 3)
    // A version saved now holds the three open 修订 (its page shows them below).
    await a.page.waitForFunction(() => [...document.querySelectorAll('.plan-doc .suggest-insertion')].every((e) => !(e.getAttribute('title') ?? '').includes('正在确认作者')))
    const withOpen = (await server.api<{ id: string }>('POST', `/api/documents/${doc.id}/versions`, { token: admin, body: { name: '送审前' } })).body

    // 王强 (editor) accepts 补充 and rejects 另议 with a reason.
    if (!(await a.page.locator('.side-panel').count())) await a.page.getByTestId('toggle-panel').click()
    await a.page.getByTestId('side-tab-suggestions').click()
    await a.page.locator('[data-testid=suggestion]', { hasText: '补充' }).getByTestId('accept-suggestion').click()
    await a.page.getByTestId('decision-reason').getByText('不填').click()
    await a.page.locator('[data-testid=suggestion]', { hasText: '另议' }).getByTestId('reject-suggestion').click()
    await a.page.getByTestId('decision-reason-input').fill('与市级表述不一致')
    await a.page.getByTestId('decision-reason-save').click()
    await a.page.getByTestId('decision-reason').waitFor({ state: 'detached' })
    await a.page.screenshot({ path: `${DIR}/editor-panel-1280.png` })

    // The review page against the version: 修订 beside the items, open ones first.
    await a.page.goto(`/documents/${doc.id}/review?base=version:${version.id}`)
    const side = a.page.getByTestId('review-comments')
    await side.getByTestId('review-suggestion').first().waitFor()
    expect(await listed(a.page)).toHaveLength(1)
    expect((await listed(a.page))[0]).toContain('赵敏')
    expect((await listed(a.page))[0]).toContain('待处理')
    await a.page.getByTestId('review-suggestions-status').selectOption('all')
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid=review-suggestions] [data-testid=review-suggestion]').length === 3)
    const adoption = await a.page.getByTestId('item-adoption').allInnerTexts()
    expect(adoption).toEqual(['采纳情况：采纳', '采纳情况：未采纳（理由：与市级表述不一致）'])
    // Beside item 3 its open 修订, in 赵敏's colour.
    const beside = a.page.locator('[data-testid=item-suggestions]', { hasText: '待定' })
    expect(await beside.innerText()).toContain('办公室')
    await a.page.getByTestId('item-adoption').first().scrollIntoViewIfNeeded()
    await a.page.screenshot({ path: `${DIR}/review-adoption-1280.png` })
    await beside.scrollIntoViewIfNeeded()
    await a.page.screenshot({ path: `${DIR}/review-page-1280.png` })
    await a.page.setViewportSize({ width: 800, height: 800 })
    await a.page.screenshot({ path: `${DIR}/review-page-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })

    // Filters: by 科室, by person, by status.
    await a.page.getByTestId('review-filter-department').selectOption('基础教育科')
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid=review-suggestions] [data-testid=review-suggestion]').length === 2)
    expect((await listed(a.page)).every((x) => x.includes('李娜'))).toBe(true)
    await a.page.getByTestId('review-filter-department').selectOption('')
    await a.page.getByTestId('review-filter-person').selectOption({ label: '赵敏' })
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid=review-suggestions] [data-testid=review-suggestion]').length === 1)
    expect((await listed(a.page))[0]).toContain('待定')
    // The same filter picks what each item shows: 李娜's 修订 are gone from beside their items.
    expect(await a.page.locator('[data-testid=item-suggestions] [data-testid=review-suggestion]', { hasText: '补充' }).count()).toBe(0)
    await a.page.getByTestId('review-filter-person').selectOption('')
    await a.page.getByTestId('review-suggestions-status').selectOption('rejected')
    await a.page.waitForFunction(() => document.querySelectorAll('[data-testid=review-suggestions] [data-testid=review-suggestion]').length === 1)
    expect((await listed(a.page))[0]).toContain('理由：与市级表述不一致')

    // The 修改对照表 against the version has 采纳情况.
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('export-review').click()])
    const xml = (await (await JSZip.loadAsync(await readFile(await download.path()))).file('word/document.xml')?.async('string')) ?? ''
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('采纳情况')
    expect(text).toContain('未采纳（理由：与市级表述不一致）')

    // The version saved with open 修订 shows them in their authors' colours, read-only, with who and when on hover.
    await a.page.goto(`/documents/${doc.id}/versions/${withOpen.id}`)
    await a.page.getByTestId('version-suggestions-note').waitFor()
    const marks = a.page.locator('[data-testid=version-view] .suggest-insertion')
    await marks.nth(2).waitFor()
    expect(await marks.allInnerTexts()).toEqual(['（补充）', '（另议）', '（待定）'])
    expect(await marks.nth(2).getAttribute('title')).toContain('赵敏')
    const colours = await marks.evaluateAll((els) => els.map((e) => getComputedStyle(e).textDecorationColor))
    expect(colours[0]).toBe(colours[1])
    expect(await a.page.getByTestId('version-view').getAttribute('contenteditable')).toBe('false')
    await marks.first().scrollIntoViewIfNeeded()
    await a.page.screenshot({ path: `${DIR}/version-page-1280.png` })
    expect(a.errors).toEqual([])
  })
})

import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommentThread } from '../../shared/review/commentsTypes.ts'
import type { TwoUsers } from './twoUsers.ts'
import { SHOTS, startTwoUsers } from './twoUsers.ts'

const DIR = `${SHOTS}/comments`
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
  await page.locator('[data-type=item-title]').first().waitFor()
  await page.getByText('已连接').first().waitFor()
}

/** Selects the first `length` characters of the lead sentence that starts with `start`, as a mouse drag would. */
async function selectWords(page: Page, start: string, length: number): Promise<void> {
  await page.locator('[data-type=item-title]', { hasText: start }).evaluate((el, n) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    const text = walker.nextNode() as Text
    const range = document.createRange()
    range.setStart(text, 0)
    range.setEnd(text, n)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, length)
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForFunction(() => (window.getSelection()?.toString().length ?? 0) > 0)
}

/** Opens the side panel on its 批注 tab. */
async function commentsTab(page: Page): Promise<void> {
  if (!(await page.locator('.side-panel').count())) await page.getByTestId('toggle-panel').click()
  await page.getByTestId('side-tab-comments').click()
}

describe('批注 in two browsers', () => {
  it('a reviewer comments on selected words, the editor sees it highlighted, replies with an @mention and resolves it', async () => {
    const { server, alice, bob, a, b } = t
    const doc = await server.createDocument(server.admin.token)
    await server.share(doc.id, alice.user.id, 'editor')
    await server.share(doc.id, bob.user.id, 'reviewer')
    await open(a.page, doc.id)
    await open(b.page, doc.id)
    await commentsTab(a.page)

    // 李娜 (reviewer) selects four characters and adds a 批注.
    await selectWords(b.page, '做好秋季开学', 6)
    // 批注 sits with 查找替换 and 打印, in 更多 when the toolbar is full.
    if (!(await b.page.getByTestId('add-comment').isVisible())) await b.page.getByTestId('toolbar-more').click()
    await b.page.getByTestId('add-comment').click()
    await b.page.getByTestId('comment-text').fill('建议写明开学时间节点')
    await b.page.getByTestId('comment-submit').click()
    await b.page.locator('[data-testid=comment-thread]', { hasText: '建议写明开学时间节点' }).waitFor()

    // 张伟 (editor) sees the thread with its item number and the words highlighted.
    const thread = a.page.locator('[data-testid=comment-thread]', { hasText: '建议写明开学时间节点' })
    await thread.waitFor()
    // The number comes with the marked words (they may arrive a moment after the thread).
    await thread.locator('.comment-where', { hasText: '一、1.' }).waitFor()
    expect(await thread.locator('.comment-quote').textContent()).toBe('做好秋季开学')
    expect(await thread.locator('.comment-meta strong').first().innerText()).toBe('李娜')
    await a.page.locator('.plan-doc .comment-mark', { hasText: '做好秋季开学' }).waitFor()
    await a.page.locator('.plan-doc .comment-mark').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await a.page.screenshot({ path: `${DIR}/editor-sees-comment-1280.png` })

    // He replies and mentions her: it waits in her 待处理 list.
    await thread.getByTestId('comment-reply-input').fill('@李娜 请提供具体日期')
    await thread.getByTestId('comment-reply-send').click()
    await b.page.locator('[data-testid=comment-thread] .comment-message.reply', { hasText: '请提供具体日期' }).waitFor()
    await b.page.getByTestId('pending-button').click()
    await b.page.getByTestId('pending-list').getByText('请提供具体日期').waitFor()
    await b.page.screenshot({ path: `${DIR}/reviewer-pending-1280.png` })
    await b.page.getByTestId('pending-button').click()

    // Clicking the thread selects its words in the text.
    await thread.locator('.comment-jump').click()
    expect(await a.page.evaluate(() => window.getSelection()?.toString())).toBe('做好秋季开学')

    // He resolves it: it leaves the list for both, and comes back with 显示已解决.
    await thread.getByTestId('comment-resolve').click()
    await b.page.locator('[data-testid=comment-thread]').first().waitFor({ state: 'detached' })
    await a.page.getByTestId('comments-show-resolved').check()
    await a.page.locator('[data-testid=comment-thread].resolved', { hasText: '建议写明开学时间节点' }).waitFor()
    const stored = await server.api<{ threads: CommentThread[] }>('GET', `/api/documents/${doc.id}/comments?status=resolved`, { token: alice.token })
    expect(stored.body.threads.map((x) => [x.author.name, x.quote, x.replies.map((r) => r.author.name), x.resolvedBy?.name])).toEqual([['李娜', '做好秋季开学', ['张伟'], '张伟']])
    await a.page.setViewportSize({ width: 800, height: 800 })
    await commentsTab(a.page)
    await a.page.screenshot({ path: `${DIR}/editor-resolved-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('a thread whose words are deleted stays in the panel as 原文已删除 with its quote', async () => {
    const { server, alice, a } = t
    const doc = await server.createDocument(server.admin.token)
    await server.share(doc.id, alice.user.id, 'editor')
    await open(a.page, doc.id)
    await commentsTab(a.page)
    await selectWords(a.page, '加强学校安全管理', 4)
    await a.page.keyboard.press('Control+Alt+c')
    await a.page.getByTestId('comment-text').fill('这四个字要改')
    await a.page.getByTestId('comment-submit').click()
    const thread = a.page.locator('[data-testid=comment-thread]', { hasText: '这四个字要改' })
    await thread.waitFor()
    // Undo does not take the anchor off the words (adding a 批注 is not an edit of the text).
    await a.page.locator('.plan-doc .comment-mark', { hasText: '加强学校' }).waitFor()
    await a.page.locator('[data-type=item-title]', { hasText: '加强学校安全管理' }).click()
    await a.page.keyboard.press('Control+z')
    await a.page.locator('.plan-doc .comment-mark', { hasText: '加强学校' }).waitFor()
    await selectWords(a.page, '加强学校安全管理', 4)
    await a.page.keyboard.press('Backspace')
    await thread.locator('.comment-orphan-tag', { hasText: '原文已删除' }).waitFor()
    expect(await thread.locator('.comment-quote').textContent()).toBe('加强学校')
    await a.page.screenshot({ path: `${DIR}/orphan-1280.png` })
    expect(a.errors).toEqual([])
  })

  it('the review page lists the threads beside the diff, filtered by status and person', async () => {
    const { server, alice, bob, a } = t
    const doc = await server.createDocument(server.admin.token)
    await server.share(doc.id, alice.user.id, 'editor')
    await server.share(doc.id, bob.user.id, 'reviewer')
    const plan = await server.api<{ sections: { items: { id: string }[] }[] }>('GET', `/api/documents/${doc.id}/plan`, { token: alice.token })
    const [first, second] = plan.body.sections[0].items
    await server.api('POST', `/api/documents/${doc.id}/comments`, { token: bob.token, body: { itemId: first.id, text: '李娜：第一条的意见' } })
    const done = await server.api<CommentThread>('POST', `/api/documents/${doc.id}/comments`, { token: alice.token, body: { itemId: second.id, text: '张伟：已处理的意见' } })
    await server.api('POST', `/api/documents/${doc.id}/comments/${done.body.id}/resolve`, { token: alice.token })
    await server.api('POST', `/api/documents/${doc.id}/versions`, { token: alice.token, body: { name: '征求意见稿' } })
    await a.page.goto(`/documents/${doc.id}/review`)
    const list = a.page.getByTestId('review-comments')
    await list.getByText('李娜：第一条的意见').waitFor()
    expect(await list.getByTestId('review-comment').count()).toBe(1)
    await a.page.getByTestId('review-comments-status').selectOption('all')
    await list.getByText('张伟：已处理的意见').waitFor()
    await list.getByLabel('人员').selectOption({ label: '张伟' })
    await list.getByText('李娜：第一条的意见').waitFor({ state: 'detached' })
    expect(await list.getByTestId('review-comment').allInnerTexts()).toHaveLength(1)
    await a.page.screenshot({ path: `${DIR}/review-page-1280.png` })
    expect(a.errors).toEqual([])
  })
})

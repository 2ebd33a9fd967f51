import { mkdirSync } from 'node:fs'
import * as encoding from 'lib0/encoding'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/api/closeCodes.ts'
import { textIn } from '../utils/planText.ts'
import { openSocket } from '../utils/rawSocket.ts'
import { storedDoc } from '../utils/storedDoc.ts'
import { cursorAtEndOfItem, itemLines, waitForItemLine } from './browser.ts'
import type { Member, ReviewTeam } from './fourUsers.ts'
import { compose, openTeamDocument, rgb, selectInItem, shownMarks, sideTab, startFourUsers } from './fourUsers.ts'
import { SHOTS } from './twoUsers.ts'

const DIR = `${SHOTS}/review-loop`
/** Four browsers on a shared two-core machine: waits are generous, never fixed delays. */
const CASE_MS = 180_000
const WAIT_MS = 30_000
let t: ReviewTeam

beforeAll(async () => {
  t = await startFourUsers()
  mkdirSync(DIR, { recursive: true })
}, CASE_MS)

afterAll(async () => {
  await t?.browser.close()
})

afterEach(() => {
  // A crash hidden behind a passing assertion still fails the case.
  for (const m of t.all) expect(m.window.errors, `${m.name}'s page`).toEqual([])
})

/** The lead sentences of the plan as the server reads it (every open suggestion rejected). */
async function serverTitles(docId: string): Promise<string[]> {
  const plan = await t.server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${docId}/plan`, { token: t.owner.token })
  return plan.body.sections.flatMap((s) => s.items.map((i) => i.title))
}

/** Waits until the page shows an insertion `text` stamped with `author`'s name. */
async function waitForInsertionBy(page: Page, text: string, author: string): Promise<void> {
  await page.waitForFunction(
    ([want, who]) => [...document.querySelectorAll('.plan-doc .suggest-insertion')].some((el) => (el.getAttribute('title') ?? '').includes(who) && (el.textContent ?? '').includes(want)),
    [text, author] as const,
    { timeout: WAIT_MS },
  )
}

/** Waits until the page's plan text carries no suggestion marks at all. */
async function waitForNoMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.plan-doc ins, .plan-doc del, .plan-doc .suggest-node').length === 0, undefined, { timeout: WAIT_MS })
}

/** The side panel's card of the suggestion containing `text`. */
function suggestionCard(page: Page, text: string) {
  return page.locator('[data-testid=suggestion]', { hasText: text })
}

/** The lead sentence of the n-th item (0-based) without its number. */
async function leadSentence(page: Page, n: number): Promise<string> {
  return (await itemLines(page))[n].replace(/^\d+\./, '')
}

/** A y-websocket update frame (sync protocol: messageSync, messageYjsUpdate) carrying a hand-made Yjs update. */
function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** Runs `step`; when it fails, says what every browser and the server show (a timeout alone does not tell which side is wrong). */
async function explained<T>(docId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (err) {
    const shown = await Promise.all(
      t.all.map(async (m) => {
        const lines = await itemLines(m.page).catch(() => [])
        const ins = await shownMarks(m.page, 'insertion').catch(() => [])
        const del = await shownMarks(m.page, 'deletion').catch(() => [])
        return `${m.name}: ${lines.slice(0, 5).join(' | ')}; ins ${JSON.stringify(ins)}; del ${JSON.stringify(del)}`
      }),
    )
    const server = await serverTitles(docId).catch(() => [])
    throw new Error(`${(err as Error).message.split('\n').slice(0, 3).join(' ')}\n${shown.join('\n')}\nserver: ${server.slice(0, 5).join(' | ')}`, { cause: err })
  }
}

/** Scrolls the first element matching `selector` to the middle of the window and saves a screenshot. */
async function shoot(page: Page, selector: string, name: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await page.screenshot({ path: `${DIR}/${name}.png` })
}

/** Clicks a toolbar button that may sit in 更多 when the toolbar is full. */
async function toolbarButton(page: Page, testId: string): Promise<void> {
  if (!(await page.getByTestId(testId).isVisible())) await page.getByTestId('toolbar-more').click()
  await page.getByTestId(testId).click()
}

describe('the reviewers’ loop with an owner, an editor and two reviewers in four browsers', () => {
  it(
    'a reviewer’s typing appears as a suggestion in the reviewer’s colour and name in all four browsers',
    async () => {
      const docId = await openTeamDocument(t)
      const [wang] = t.reviewers
      expect(await wang.page.getByTestId('suggest-mode').getAttribute('aria-pressed')).toBe('true')
      const first = await leadSentence(wang.page, 0)
      await cursorAtEndOfItem(wang.page, first.slice(0, 6))
      await wang.page.keyboard.type('（补充）')
      // Drawn in the reviewer's account colour, the colour of their caret.
      const colour = rgb(wang.user.color)
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForInsertionBy(m.page, '（补充）', wang.name)
          expect(await shownMarks(m.page, 'insertion'), m.name).toEqual([{ text: '（补充）', title: expect.stringContaining(wang.name) as string, color: colour }])
          await waitForItemLine(m.page, `1.${first}（补充）`, WAIT_MS)
        })
      await shoot(t.owner.page, '.plan-doc .suggest-insertion', 'owner-sees-reviewer-suggestion-1280')
      // The plan as the server reads it is unchanged until someone accepts.
      expect((await serverTitles(docId))[0]).toBe(first)
    },
    CASE_MS,
  )

  it(
    'the editor accepts one reviewer’s suggestion and rejects the other’s, and all four browsers show the result without marks',
    async () => {
      const docId = await openTeamDocument(t)
      const [wang, zhao] = t.reviewers
      const first = await leadSentence(t.editor.page, 0)
      const second = await leadSentence(t.editor.page, 1)
      await cursorAtEndOfItem(wang.page, first.slice(0, 6))
      await wang.page.keyboard.type('（王芳意见）')
      await cursorAtEndOfItem(zhao.page, second.slice(0, 6))
      await zhao.page.keyboard.type('（赵磊意见）')
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForInsertionBy(m.page, '（王芳意见）', wang.name)
          await waitForInsertionBy(m.page, '（赵磊意见）', zhao.name)
        })
      // Two people, two colours: each their account's (the same person is the same colour everywhere).
      const marks = await shownMarks(t.owner.page, 'insertion')
      expect(marks.map((m) => m.color)).toEqual([rgb(wang.user.color), rgb(zhao.user.color)])
      expect(wang.user.color).not.toBe(zhao.user.color)

      await sideTab(t.editor.page, 'suggestions')
      await suggestionCard(t.editor.page, '王芳意见').getByTestId('accept-suggestion').click()
      await suggestionCard(t.editor.page, '王芳意见').waitFor({ state: 'detached', timeout: WAIT_MS })
      await suggestionCard(t.editor.page, '赵磊意见').getByTestId('reject-suggestion').click()
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForNoMarks(m.page)
          await waitForItemLine(m.page, `1.${first}（王芳意见）`, WAIT_MS)
          await waitForItemLine(m.page, `2.${second}`, WAIT_MS)
          expect((await itemLines(m.page)).join('')).not.toContain('赵磊意见')
        })
      await t.editor.page.getByTestId('suggestions-empty').waitFor()
      await shoot(t.editor.page, '.plan-doc [data-type=item-title]', 'editor-decided-1280')
      expect((await serverTitles(docId)).slice(0, 2)).toEqual([`${first}（王芳意见）`, second])
    },
    CASE_MS,
  )

  it(
    '清稿 (全部接受) by the owner leaves no suggestion marks in any browser and the plan text is the accepted text',
    async () => {
      const docId = await openTeamDocument(t)
      const [wang, zhao] = t.reviewers
      const first = await leadSentence(t.owner.page, 0)
      const second = await leadSentence(t.owner.page, 1)
      // 王芳 strikes out the last two characters of item 1 (控。) and suggests new ones; 赵磊 adds to item 2.
      await cursorAtEndOfItem(wang.page, first.slice(0, 6))
      await wang.page.keyboard.press('Backspace')
      await wang.page.keyboard.press('Backspace')
      await wang.page.keyboard.type('工作。')
      await cursorAtEndOfItem(zhao.page, second.slice(0, 6))
      await zhao.page.keyboard.type('（赵）')
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForInsertionBy(m.page, '工作。', wang.name)
          await waitForInsertionBy(m.page, '（赵）', zhao.name)
          await m.page.waitForFunction((want) => [...document.querySelectorAll('.plan-doc .suggest-deletion')].map((e) => e.textContent).join('') === want, first.slice(-2), { timeout: WAIT_MS })
        })
      await sideTab(t.owner.page, 'suggestions')
      await t.owner.page.locator('[data-testid=suggestion]').nth(1).waitFor()
      await shoot(t.owner.page, '.plan-doc .suggest-deletion', 'owner-before-qinggao-1280')
      await t.owner.page.getByTestId('accept-all').click()
      const accepted = [`${first.slice(0, -2)}工作。`, `${second}（赵）`]
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForNoMarks(m.page)
          await waitForItemLine(m.page, `1.${accepted[0]}`, WAIT_MS)
          await waitForItemLine(m.page, `2.${accepted[1]}`, WAIT_MS)
        })
      await t.owner.page.getByTestId('suggestions-empty').waitFor()
      expect((await serverTitles(docId)).slice(0, 2)).toEqual(accepted)
    },
    CASE_MS,
  )

  it(
    'a reviewer’s hand-made update that edits the text directly is refused with 4400 and the other three browsers keep the document as it was',
    async () => {
      const docId = await openTeamDocument(t)
      const [wang] = t.reviewers
      const before = await serverTitles(docId)
      const seq = t.server.services.rooms.get(docId)?.seq
      // Built as a tool would: on a copy of the document, an edit of item 1's text without suggestion marks, sent with 王芳's token.
      const copy = await storedDoc(t.server.services.storage, docId)
      const vector = Y.encodeStateVector(copy)
      textIn(copy, 'itemTitle', 0).insert(0, '直接改写')
      textIn(copy, 'itemTitle', 1).delete(0, 2)
      const socket = openSocket(t.server, docId, wang.token)
      await socket.opened
      socket.send(updateFrame(Y.encodeStateAsUpdate(copy, vector)))
      // Were the edit taken, it would show in the owner's browser instead: fail on that rather than wait for a close that never comes.
      const applied = t.owner.page
        .waitForFunction(() => document.querySelector('.plan-doc')?.textContent?.includes('直接改写'), undefined, { timeout: 0, polling: 200 })
        .then(() => 'applied in the owner’s browser')
        .catch(() => 'owner’s page gone')
      const outcome = await Promise.race([socket.closed.then((c) => c.code), applied])
      expect(outcome).toBe(CLOSE.malformed)
      expect(t.server.services.rooms.get(docId)?.seq).toBe(seq)
      expect(await serverTitles(docId)).toEqual(before)
      // A later edit by the owner reaches everyone; the refused one never does.
      await cursorAtEndOfItem(t.owner.page, before[2].slice(0, 6))
      await t.owner.page.keyboard.type('（后续）')
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForItemLine(m.page, `3.${before[2]}（后续）`, WAIT_MS)
          const lines = await itemLines(m.page)
          expect(lines.slice(0, 2), m.name).toEqual([`1.${before[0]}`, `2.${before[1]}`])
          expect(lines.join(''), m.name).not.toContain('直接改写')
          expect(await shownMarks(m.page, 'insertion'), m.name).toEqual([])
        })
      // 王芳's own browser (another socket) is still connected and still suggests.
      await wang.page.getByText('已连接').first().waitFor()
      expect(t.server.logs.some((l) => l.includes('ws.rejected'))).toBe(true)
    },
    CASE_MS,
  )

  it(
    'a comment on words of an item follows the item to another section and its new number, and stays as 原文已删除 with its quote when the words are deleted, in every browser',
    async () => {
      const docId = await openTeamDocument(t)
      const [, zhao] = t.reviewers
      const item = '实施学校等体育场馆开放工程。'
      await waitForItemLine(zhao.page, `5.${item}`, WAIT_MS)
      await Promise.all(t.all.map((m) => sideTab(m.page, 'comments')))
      // 赵磊 (reviewer) comments on 体育场馆 in item 5 (section 二).
      await selectInItem(zhao.page, item, 5, 4)
      await toolbarButton(zhao.page, 'add-comment')
      await zhao.page.getByTestId('comment-text').fill('场馆开放要写明安全责任')
      await zhao.page.getByTestId('comment-submit').click()
      const thread = (m: Member) => m.page.locator('[data-testid=comment-thread]', { hasText: '场馆开放要写明安全责任' })
      for (const m of t.all)
        await explained(docId, async () => {
          await thread(m).locator('.comment-where', { hasText: '二、5.' }).waitFor({ timeout: WAIT_MS })
          await m.page.locator('.plan-doc .comment-mark', { hasText: '体育场馆' }).waitFor({ timeout: WAIT_MS })
        })

      // 李娜 (editor) moves the item to the end of section 一: it becomes 3., the items after it renumber.
      await t.editor.page.locator('[data-type=item-title]', { hasText: item }).click()
      await toolbarButton(t.editor.page, 'move-to-section')
      await t.editor.page.getByRole('menuitem', { name: /^一、/ }).click()
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForItemLine(m.page, `3.${item}`, WAIT_MS)
          expect(await itemLines(m.page, 0), m.name).toEqual(['1.做好秋季开学和常态化疫情防控。', '2.加强学校安全管理。', `3.${item}`])
          expect((await itemLines(m.page, 1))[0], m.name).toBe('4.实施学龄前儿童善育工程。')
          await thread(m).locator('.comment-where', { hasText: '一、3.' }).waitFor({ timeout: WAIT_MS })
          // The thread still anchors the same words, now in section 一.
          await m.page.locator('section.plan-section').first().locator('.comment-mark', { hasText: '体育场馆' }).waitFor({ timeout: WAIT_MS })
          expect(await m.page.locator('.plan-doc .comment-mark').allTextContents(), m.name).toEqual(['体育场馆'])
          expect(await thread(m).locator('.comment-quote').textContent(), m.name).toBe('体育场馆')
        })
      await shoot(zhao.page, '.plan-doc .comment-mark', 'comment-after-move-1280')

      // The editor deletes the commented words: the thread stays, 原文已删除, with its quote.
      await selectInItem(t.editor.page, item, 5, 4)
      await t.editor.page.keyboard.press('Backspace')
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForItemLine(m.page, '3.实施学校等开放工程。', WAIT_MS)
          await thread(m).locator('.comment-orphan-tag', { hasText: '原文已删除' }).waitFor({ timeout: WAIT_MS })
          expect(await thread(m).locator('.comment-quote').textContent(), m.name).toBe('体育场馆')
          expect(await m.page.locator('.plan-doc .comment-mark').count(), m.name).toBe(0)
        })
      await shoot(t.owner.page, '.plan-doc section.plan-section', 'comment-orphan-1280')
    },
    CASE_MS,
  )

  it(
    'Chinese IME composition in 修订 mode by a reviewer while the editor types in the same sentence leaves no pinyin and exactly one suggestion in every browser',
    async () => {
      const docId = await openTeamDocument(t)
      const [wang] = t.reviewers
      const start = '加强学校安全管理'
      const pinyin = 'quanmian'
      await cursorAtEndOfItem(wang.page, start)
      const commit = await compose(wang.page, pinyin)
      // Meanwhile the editor types at the start of the same lead sentence; it reaches 王芳 mid-composition.
      await t.editor.page.locator('[data-type=item-title]', { hasText: start }).click()
      await t.editor.page.keyboard.press('Home')
      await t.editor.page.keyboard.type('切实')
      await explained(docId, () => waitForItemLine(wang.page, `2.切实${start}。${pinyin}`, WAIT_MS))
      await commit('全面')
      for (const m of t.all)
        await explained(docId, async () => {
          await waitForItemLine(m.page, `2.切实${start}。全面`, WAIT_MS)
          await waitForInsertionBy(m.page, '全面', wang.name)
          expect((await itemLines(m.page)).join(''), m.name).not.toMatch(/[a-z]/)
          expect(
            (await shownMarks(m.page, 'insertion')).map((x) => x.text),
            m.name,
          ).toEqual(['全面'])
          expect(await shownMarks(m.page, 'deletion'), m.name).toEqual([])
        })
      await sideTab(t.owner.page, 'suggestions')
      await suggestionCard(t.owner.page, '全面').waitFor()
      expect(await t.owner.page.locator('[data-testid=suggestion]').count()).toBe(1)
      // The server keeps the editor's words and holds the composed word only as the suggestion.
      expect((await serverTitles(docId))[1]).toBe(`切实${start}。`)
      await shoot(wang.page, '.plan-doc .suggest-insertion', 'reviewer-ime-1280')
    },
    CASE_MS,
  )
})

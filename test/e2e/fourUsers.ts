import type { Browser, Page } from 'playwright-core'
import type { DocRole } from '../../shared/api/types.ts'
import type { TestServer } from '../utils/testServer.ts'
import type { Window } from './browser.ts'
import type { Account } from './twoUsers.ts'
import { startColleagues } from './twoUsers.ts'

/** One colleague of the review loop: account, role on the loop's documents and signed-in window. */
export interface Member extends Account {
  name: string
  role: DocRole
  window: Window
  page: Page
}

/** A real server, one Chromium with four signed-in contexts: an owner, an editor and two reviewers. */
export interface ReviewTeam {
  server: TestServer
  browser: Browser
  owner: Member
  editor: Member
  reviewers: [Member, Member]
  /** All four, owner first. */
  all: Member[]
}

/** Names and roles of the four colleagues (owner, editor, reviewer, reviewer). */
export const REVIEW_TEAM: readonly (readonly [string, DocRole])[] = [
  ['张伟', 'owner'],
  ['李娜', 'editor'],
  ['王芳', 'reviewer'],
  ['赵磊', 'reviewer'],
]

/**
 * Starts the server and one Chromium and signs the owner, the editor and two reviewers in, each in a
 * context of their own (call in beforeAll; close `browser` in afterAll). One browser, not four: the
 * machines these run on are shared.
 */
export async function startFourUsers(): Promise<ReviewTeam> {
  const { server, browser, accounts, windows } = await startColleagues(REVIEW_TEAM.map(([name]) => name))
  const all = REVIEW_TEAM.map(([name, role], i): Member => ({ ...accounts[i], name, role, window: windows[i], page: windows[i].page }))
  return { server, browser, owner: all[0], editor: all[1], reviewers: [all[2], all[3]], all }
}

/** Opens a document and waits until its text is shown and it is synced with the server (已连接). */
export async function openConnected(page: Page, docId: string): Promise<void> {
  await page.goto(`/documents/${docId}`)
  await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
  await page.locator('[data-type=item-title]').first().waitFor()
  await page.getByText('已连接').first().waitFor()
}

/** Makes a new district-seed document owned by the owner, shares it with the other three and opens it in all four windows. */
export async function openTeamDocument(team: ReviewTeam): Promise<string> {
  const doc = await team.server.createDocument(team.owner.token)
  for (const m of team.all) if (m.role !== 'owner') await team.server.share(doc.id, m.user.id, m.role)
  await Promise.all(team.all.map((m) => openConnected(m.page, doc.id)))
  return doc.id
}

/** Opens the side panel on a tab (修订: `suggestions`, 批注: `comments`). */
export async function sideTab(page: Page, tab: 'suggestions' | 'comments'): Promise<void> {
  if (!(await page.locator('.side-panel').count())) await page.getByTestId('toggle-panel').click()
  await page.getByTestId(`side-tab-${tab}`).click()
}

/** An inline suggestion as a browser draws it: its text, hover title and computed colour. */
export interface ShownMark {
  text: string
  title: string
  color: string
}

/** The inline suggestions of a kind shown in the page, neighbouring pieces with one hover title joined (a caret can split one). */
export function shownMarks(page: Page, kind: 'insertion' | 'deletion'): Promise<ShownMark[]> {
  return page.evaluate(readShownMarks, kind)
}

/** Runs in the page: see shownMarks. */
function readShownMarks(kind: string): ShownMark[] {
  const out: ShownMark[] = []
  let last: Element | null = null
  for (const el of document.querySelectorAll(`.plan-doc .suggest-${kind}`)) {
    // Without the collaborators' caret labels that sit inside the text.
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('[contenteditable=false], .collab-caret').forEach((c) => c.remove())
    const mark = { text: copy.textContent ?? '', title: el.getAttribute('title') ?? '', color: getComputedStyle(el).color }
    const prev = out[out.length - 1]
    const adjacent = last !== null && prev?.title === mark.title && last.closest('[data-type=item-title]') === el.closest('[data-type=item-title]')
    if (adjacent && prev) prev.text += mark.text
    else out.push(mark)
    last = el
  }
  return out
}

/** The CSS colour a browser computes for a #rrggbb colour ("rgb(31, 111, 235)"). */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}

/** Selects `length` characters of the lead sentence starting with `start`, from character `from`, as a mouse drag would. */
export async function selectInItem(page: Page, start: string, from: number, length: number): Promise<void> {
  await page
    .locator('[data-type=item-title]', { hasText: start })
    .first()
    .evaluate(
      (el, [at, n]) => {
        // Character offsets over the title's text nodes (marks and decorations split them).
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (t) => (t.parentElement?.closest('[contenteditable=false]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) })
        const range = document.createRange()
        let seen = 0
        let started = false
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const len = node.data.length
          if (!started && at <= seen + len) {
            range.setStart(node, at - seen)
            started = true
          }
          if (started && at + n <= seen + len) {
            range.setEnd(node, at + n - seen)
            break
          }
          seen += len
        }
        const selection = window.getSelection()
        selection?.removeAllRanges()
        selection?.addRange(range)
      },
      [from, length] as const,
    )
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForFunction((n) => window.getSelection()?.toString().length === n, length)
}

/** Types pinyin as an input method does (a composition growing letter by letter, DevTools protocol); the returned function commits the chosen characters. */
export async function compose(page: Page, pinyin: string): Promise<(text: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i })
  return async (text: string) => {
    await cdp.send('Input.insertText', { text })
    await cdp.detach()
  }
}

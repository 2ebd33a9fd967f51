import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { requireTool } from '../utils/tools.ts'

/** Chromium flags that keep Debian's Chromium quiet and offline-safe in tests. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** The Chromium of this test worker: started once, shared by the test files the worker runs one after another. */
let shared: Promise<Browser> | undefined

/**
 * Debian's Chromium through playwright-core, as a browser of this test file's own: its `close()`
 * closes the windows (contexts) the file opened and leaves Chromium running for the next file of
 * the worker — starting and stopping Chromium cost half a second a file. Browser tests never skip:
 * without Chromium they fail with the install command (in CI and out of it). Outside vitest (the
 * benches) each call starts a Chromium of its own, which `close()` stops.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!process.env.VITEST) return startChromium()
  let browser = await (shared ??= startChromium())
  if (!browser.isConnected()) browser = await (shared = startChromium())
  const contexts = new Set<BrowserContext>()
  return new Proxy(browser, {
    get(target, prop) {
      if (prop === 'newContext')
        return async (options?: BrowserContextOptions): Promise<BrowserContext> => {
          const context = await target.newContext(options)
          contexts.add(context)
          return context
        }
      if (prop === 'close') return async (): Promise<void> => void (await Promise.all([...contexts].map((c) => c.close())))
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

function startChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireTool('chromium', 'apt-get install -y chromium'), args: CHROMIUM_ARGS })
}

/** A signed-in browser window: its own context (cookies, storage, network) and page. */
export interface Window {
  context: BrowserContext
  page: Page
  /** Errors the page threw or logged, to fail a test that hides a crash. */
  errors: string[]
}

/** Where the client keeps its session (client/api/session.ts). */
const SESSION_KEY = 'plan-studio/session'

/**
 * Opens a new 1280×800 context signed in as `name`: the password is checked by the server's real
 * POST /api/login, and the session it answers is put where the client keeps it, so the window opens
 * on the document list. The sign-in page itself is tested by `signInThroughPage` (documents and
 * accounts tests); typing it again in every window cost a second per window.
 */
export async function signIn(browser: Browser, baseUrl: string, name: string, password: string): Promise<Window> {
  const res = await fetch(new URL('/api/login', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) })
  if (!res.ok) throw new Error(`sign-in of ${name} refused: ${res.status} ${await res.text()}`)
  const session = JSON.stringify(await res.json())
  const storageState = { cookies: [], origins: [{ origin: new URL(baseUrl).origin, localStorage: [{ name: SESSION_KEY, value: session }] }] }
  const window = await newWindow(browser, baseUrl, storageState)
  await window.page.goto('/')
  await window.page.locator('.list-page').waitFor()
  return window
}

/** Opens a new 1280×800 context and signs in by typing the name and password on the sign-in page. */
export async function signInThroughPage(browser: Browser, baseUrl: string, name: string, password: string): Promise<Window> {
  const window = await newWindow(browser, baseUrl)
  const { page } = window
  await page.goto('/')
  await page.locator('input[name=name]').fill(name)
  await page.locator('input[name=password]').fill(password)
  await page.locator('button[type=submit]').click()
  await page.locator('.list-page').waitFor()
  return window
}

/** A new 1280×800 zh-CN context and page on `baseUrl` that records the page's errors. */
async function newWindow(browser: Browser, baseUrl: string, storageState?: BrowserContextOptions['storageState']): Promise<Window> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', baseURL: baseUrl, storageState })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

/** Opens a document in the editor and waits until its text is shown (and editable when `editable`). */
export async function openDocument(page: Page, docId: string, editable = true): Promise<void> {
  await page.goto(`/documents/${docId}`)
  await page.locator(`[data-testid=plan-editor][contenteditable=${editable ? 'true' : 'false'}]`).waitFor()
  await page.locator('[data-type=item-title]').first().waitFor()
}

/** Every item (or those of the section with this 0-based index) as its shown number and lead sentence ("3.实施…。"). */
export function itemLines(page: Page, section?: number): Promise<string[]> {
  return page.evaluate(readItemLines, section ?? -1)
}

/** Runs in the page: item lines without the collaborators' caret labels that sit inside the text. */
function readItemLines(section: number): string[] {
  const root = section < 0 ? document : document.querySelectorAll('section.plan-section')[section]
  if (!root) return []
  return [...root.querySelectorAll('[data-type=item-title]')].map((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('[contenteditable=false], .collab-caret').forEach((c) => c.remove())
    return `${el.getAttribute('data-number') ?? '?'}${copy.textContent ?? ''}`
  })
}

/** Waits until the page shows an item line (number + lead sentence) equal to `line`. */
export async function waitForItemLine(page: Page, line: string, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(
      (want) =>
        [...document.querySelectorAll('[data-type=item-title]')].some((el) => {
          const copy = el.cloneNode(true) as HTMLElement
          copy.querySelectorAll('[contenteditable=false], .collab-caret').forEach((c) => c.remove())
          return `${el.getAttribute('data-number') ?? ''}${copy.textContent ?? ''}` === want
        }),
      line,
      { timeout },
    )
  } catch (err) {
    const shown = await itemLines(page).catch(() => [])
    throw new Error(`item line "${line}" not shown; the page shows: ${shown.join(' | ')}`, { cause: err })
  }
}

/** Waits until some element matching `selector` contains `text`. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(([sel, t]) => [...document.querySelectorAll(sel)].some((e) => (e.textContent ?? '').includes(t)), [selector, text] as const, { timeout })
}

/** Puts the cursor at the end of the lead sentence of the item whose text starts with `start`. */
export async function cursorAtEndOfItem(page: Page, start: string): Promise<void> {
  const title = page.locator('[data-type=item-title]', { hasText: start }).first()
  await title.click()
  await page.keyboard.press('End')
}

import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, launchBrowser, openDocument, signIn, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

const SHOTS = 'artifacts/screenshots/layout'
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 800 },
] as const

let server: TestServer
let browser: Browser
let admin: Window
let draftId: string

beforeAll(async () => {
  await ensureClientBuilt()
  // The seeded 2022 draft is linked to last year's plan and the municipal plan: every side-panel tab shows.
  server = await startTestServer({ seed: true })
  browser = await launchBrowser()
  admin = await signIn(browser, server.url, 'admin', TEST_PASSWORD)
  const docs = await server.api<DocumentInfo[]>('GET', '/api/documents', { token: server.admin.token })
  const draft = docs.body.find((d) => d.kind === 'draft')
  if (!draft) throw new Error('the seeds have no draft')
  draftId = draft.id
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

interface Box {
  name: string
  x: number
  y: number
  width: number
  height: number
}

/** The boxes of the visible elements matching `selector`, named by their text or test id. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.offsetParent !== null && el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { name: el.dataset.testid ?? (el.textContent ?? '').trim().slice(0, 12), x: r.x, y: r.y, width: r.width, height: r.height }
      })
  }, selector)
}

/** Pairs of boxes that overlap by more than a pixel. */
function overlaps(list: Box[]): string[] {
  const found: string[] = []
  list.forEach((a, i) =>
    list.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
      if (w > 1 && h > 1) found.push(`${a.name} × ${b.name}`)
    }),
  )
  return found
}

/** Boxes that reach outside the window. */
function offScreen(list: Box[], width: number, height: number): string[] {
  return list.filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > width + 0.5 || b.y + b.height > height + 0.5 || b.width === 0).map((b) => b.name)
}

/** How many characters of the body font fit on one line of the paper. */
function charsPerLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const p = document.querySelector<HTMLElement>('.plan-preamble p, .plan-item > p')
    if (!p) return 0
    const size = parseFloat(getComputedStyle(p).fontSize)
    const style = getComputedStyle(p)
    return (p.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / size
  })
}

/** The controls of the header and the toolbar: on screen and not overlapping one another. */
async function expectControlsFit(page: Page, width: number, height: number): Promise<void> {
  const header = await boxes(
    page,
    '.app-header .brand, .app-header .doc-title h1, .app-header .kind-badge, .app-header .role-badge, [data-testid=presence], [data-testid=connection-state], .app-header .user-chip, .app-header-right > .button',
  )
  const toolbar = await boxes(page, '.toolbar > .tool-group > *, .toolbar > .more-menu, .toolbar-right > *')
  expect(toolbar.length).toBeGreaterThan(3)
  expect(offScreen([...header, ...toolbar], width, height)).toEqual([])
  expect(overlaps(header)).toEqual([])
  expect(overlaps(toolbar)).toEqual([])
}

describe('the editor on every screen size', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height} keeps its controls on screen, apart, and the paper at least 24 characters wide`, async () => {
      const page = await admin.context.newPage()
      const warnings: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text())
      })
      await page.setViewportSize(size)
      await openDocument(page, draftId)
      const name = `${size.width}x${size.height}`
      // A narrow window starts with the panel closed; open it through its toggle when needed.
      if (size.width <= 1024) {
        expect(await page.locator('.side-panel').count()).toBe(0)
        expect(await page.locator('.outline').isVisible()).toBe(false)
      }
      await expectControlsFit(page, size.width, size.height)
      expect(await charsPerLine(page)).toBeGreaterThanOrEqual(24)
      await page.screenshot({ path: `${SHOTS}/editor-${name}.png` })
      if (size.width <= 1024) {
        await page.getByTestId('toggle-outline').click()
        const outline = await boxes(page, '.outline')
        expect(outline).toHaveLength(1)
        expect(offScreen(outline, size.width, size.height)).toEqual([])
        await page.screenshot({ path: `${SHOTS}/editor-${name}-outline.png` })
        // Choosing an entry jumps there and closes the drawer.
        await page.locator('.outline-item button').nth(3).click()
        await page.locator('.outline').waitFor({ state: 'hidden' })
      }
      if ((await page.locator('.side-panel').count()) === 0) await page.getByTestId('toggle-panel').click()
      const tabs = await page.locator('.side-tabs button[role=tab]').all()
      // 版本, 批注, 修订, 检查, 对标, 覆盖, 分解, 文档信息
      expect(tabs.length).toBe(8)
      const widths = new Set<number>()
      for (const tab of tabs) {
        await tab.click()
        const id = (await tab.getAttribute('data-testid')) ?? ''
        const panel = await boxes(page, '.side-panel')
        expect(offScreen(panel, size.width, size.height)).toEqual([])
        widths.add(Math.round(panel[0]?.width ?? 0))
        // Tab labels stay on one line.
        const lines = await page.locator('.side-tabs button[role=tab]').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '20'))))
        expect(await page.locator('.side-tabs button[role=tab]').evaluateAll((els) => els.every((el) => el.scrollWidth <= el.clientWidth + 1 && !/\n/.test((el as HTMLElement).innerText)))).toBe(true)
        expect(lines.length).toBe(tabs.length)
        await expectControlsFit(page, size.width, size.height)
        // The paper keeps its width under the panel's drawer, and beside it on a wide screen.
        expect(await charsPerLine(page)).toBeGreaterThanOrEqual(24)
        await page.screenshot({ path: `${SHOTS}/editor-${name}-${id.replace('side-tab-', '')}.png` })
      }
      expect([...widths]).toHaveLength(1)
      expect(warnings).toEqual([])
      await page.close()
    })
  }

  it('moves toolbar groups that do not fit into 更多, where they still work', async () => {
    const page = await admin.context.newPage()
    await page.setViewportSize({ width: 800, height: 800 })
    const doc = await server.createDocument()
    await openDocument(page, doc.id)
    await cursorAtEndOfItem(page, '做好秋季开学和常态化疫情防控')
    await page.getByTestId('toolbar-more').click()
    const inMenu = await boxes(page, '.tool-menu .tool-button')
    expect(inMenu.length).toBeGreaterThan(0)
    expect(offScreen(inMenu, 800, 800)).toEqual([])
    expect(overlaps(inMenu)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/editor-800x800-more.png` })
    // 下移 from the menu moves the item under the cursor, and the menu closes.
    await page.locator('.tool-menu [data-testid=move-down]').click()
    await waitForItemLine(page, '2.做好秋季开学和常态化疫情防控。')
    await page.locator('.tool-menu').waitFor({ state: 'detached' })
    await page.close()
  })

  it('shows the document list without overlaps at each size', async () => {
    const page = await admin.context.newPage()
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.goto('/documents')
      await page.locator('.list-page').waitFor()
      const header = await boxes(page, '.app-header .brand, .app-header .user-chip, .app-header-right > .button')
      expect(offScreen(header, size.width, size.height)).toEqual([])
      expect(overlaps(header)).toEqual([])
      await page.screenshot({ path: `${SHOTS}/list-${size.width}x${size.height}.png` })
    }
    await page.close()
  })

  it('takes screenshots of the review page at each size (its layout is tested in review.test.ts)', async () => {
    const page = await admin.context.newPage()
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await page.goto(`/documents/${draftId}/review`)
      await page.getByTestId('review-inline').waitFor()
      await page.screenshot({ path: `${SHOTS}/review-${size.width}x${size.height}.png` })
    }
    await page.close()
  })
})

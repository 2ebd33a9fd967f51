import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VersionInfo } from '../../shared/api/types.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { launchBrowser, openDocument, signIn } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

const OUT = 'artifacts/print'

let server: TestServer
let browser: Browser
let admin: Window

beforeAll(async () => {
  await ensureClientBuilt()
  server = await startTestServer()
  browser = await launchBrowser()
  admin = await signIn(browser, server.url, 'admin', TEST_PASSWORD)
  mkdirSync(OUT, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

/** Prints the page as the browser's 打印 would (print CSS, its @page size) and reads the PDF back with poppler (apt-get install -y poppler-utils). */
async function printed(page: Page, name: string): Promise<{ text: string; pages: string[]; size: string }> {
  const path = `${OUT}/${name}.pdf`
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return { text, pages: text.split('\f').filter((p) => p.trim()), size: /Page size:\s*(.*)/.exec(info)?.[1] ?? '' }
}

describe('打印 / PDF', () => {
  it('prints the editor as A4 pages with only the plan and page numbers — 1 —, — 2 —', async () => {
    const doc = await server.createDocument()
    const page = await admin.context.newPage()
    await openDocument(page, doc.id)
    // Synced: the whole plan is on the page (打印 itself may sit in 更多 when the toolbar is full).
    await page.locator('.connection[data-state=online]').waitFor()
    const { text, pages, size } = await printed(page, 'editor')
    // A4 is 595 × 842 points.
    expect(size).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(pages.length).toBeGreaterThan(3)
    // pdftotext drops the thin spaces around the number.
    expect(pages[0]).toMatch(/—\s*1\s*—/)
    expect(pages[1]).toMatch(/—\s*2\s*—/)
    // The cover notice prints its title as the editor shows it, derived from the plan title.
    expect(pages[0].replace(/\s+/g, '')).toContain('关于印发《2021年下半年闵行教育工作要点》的通知')
    expect(text).toContain('加强学校安全管理')
    // Nothing of the screen around the paper is printed.
    for (const chrome of ['新增条目', '导出 Word', '大纲', '共 30 条', '计划工作室']) expect(text).not.toContain(chrome)
    await page.close()
  })

  it('prints a saved version from the version view the same way', async () => {
    const doc = await server.createDocument()
    const created = await server.api<VersionInfo>('POST', `/api/documents/${doc.id}/versions`, { token: server.admin.token, body: { name: '征求意见稿' } })
    expect(created.status).toBe(201)
    const page = await admin.context.newPage()
    await page.goto(`/documents/${doc.id}/versions/${created.body.id}`)
    await page.locator('[data-testid=version-view] [data-type=item-title]').first().waitFor()
    await page.getByTestId('print').waitFor()
    const { text, pages, size } = await printed(page, 'version')
    expect(size).toMatch(/A4/)
    expect(pages[0]).toMatch(/—\s*1\s*—/)
    expect(text).toContain('加强学校安全管理')
    expect(text).not.toContain('征求意见稿')
    expect(pages[0].replace(/\s+/g, '')).toContain('关于印发《2021年下半年闵行教育工作要点》的通知')
    await page.close()
  })
})

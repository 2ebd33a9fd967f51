import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo, VersionInfo } from '../../shared/api/types.ts'
import { parsePlanJson, type PlanJson } from '../../shared/plan/planJson.ts'
import type { Plan, PlanItem } from '../../shared/plan/types.ts'
import { importFile } from '../../server/import/importFile.ts'
import { docxToPdf, pageToPng, renderUnavailable } from '../server/export/render/soffice.ts'
import { municipalSeed } from '../utils/seeds.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, launchBrowser, openDocument, signIn, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url))

let server: TestServer
let browser: Browser
let owner: { user: UserInfo; token: string }
let reviewer: { user: UserInfo; token: string }
let a: Window
let r: Window

beforeAll(async () => {
  await ensureClientBuilt()
  server = await startTestServer()
  browser = await launchBrowser()
  owner = await server.createUser('刘洋')
  reviewer = await server.createUser('周婷')
  a = await signIn(browser, server.url, '刘洋', TEST_PASSWORD)
  r = await signIn(browser, server.url, '周婷', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

/** What an export prints of a plan, for comparing a re-imported download with the document. */
function printed(p: Plan): unknown {
  const items = (list: PlanItem[]): unknown => list.map((i) => ({ title: i.title, body: i.body }))
  return {
    title: p.title,
    sections: p.sections.map((s) => ({ heading: s.heading, items: items(s.items), subsections: s.subsections.map((u) => ({ heading: u.heading, items: items(u.items) })) })),
  }
}

/** Clicks 导出 in the open export dialog and returns the browser's download. */
async function confirmExport(page: Page): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  return download
}

async function downloadedBytes(download: Download): Promise<Uint8Array> {
  const path = await download.path()
  return new Uint8Array(readFileSync(path))
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
}

async function planOf(docId: string, token: string): Promise<Plan> {
  return parsePlanJson((await server.api<PlanJson>('GET', `/api/documents/${docId}/plan`, { token })).body).plan
}

describe('导出 Word', () => {
  it('downloads the live text as a .docx named after the plan, which imports back to the same plan', async () => {
    const doc = await server.createDocument(owner.token)
    await openDocument(a.page, doc.id)
    await cursorAtEndOfItem(a.page, '加强学校安全管理')
    await a.page.keyboard.type('（导出前补充）')
    await waitForItemLine(a.page, '2.加强学校安全管理。（导出前补充）')
    await a.page.locator('[data-testid=save-state][data-save=saved]').waitFor()

    await a.page.getByTestId('export-word').click()
    const dialog = a.page.getByRole('dialog', { name: '导出 Word' })
    await dialog.waitFor()
    expect(await dialog.getByTestId('export-notice').isChecked()).toBe(true)
    expect(await dialog.getByTestId('export-notice').isDisabled()).toBe(false)
    expect(await dialog.innerText()).toContain('《2021年下半年闵行教育工作要点》')
    mkdirSync(`${ARTIFACTS}screenshots`, { recursive: true })
    await a.page.screenshot({ path: `${ARTIFACTS}screenshots/export-dialog.png` })

    const download = await confirmExport(a.page)
    expect(download.suggestedFilename()).toBe('2021年下半年闵行教育工作要点.docx')
    await dialog.waitFor({ state: 'detached' })
    const bytes = await downloadedBytes(download)
    mkdirSync(`${ARTIFACTS}export`, { recursive: true })
    writeFileSync(`${ARTIFACTS}export/download.docx`, bytes)

    const xml = await documentXml(bytes)
    expect(xml).toContain('2021年下半年闵行教育工作要点')
    expect(xml).toContain('关于印发《2021年下半年')
    const { plan: back } = await importFile(bytes, download.suggestedFilename())
    const live = await planOf(doc.id, owner.token)
    expect(live.sections[0].items[1].title).toBe('加强学校安全管理。（导出前补充）')
    expect(printed(back)).toEqual(printed(live))
    expect(back.notice?.addressee).toBe(live.notice?.addressee)

    if (!renderUnavailable()) {
      const pdf = await docxToPdf({ download: bytes })
      const png = await pageToPng(pdf.download, 1, `${ARTIFACTS}export/download-page1`)
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
    }
    expect(a.errors).toEqual([])
  })

  it('lets a reviewer export the plan alone, and leaves the notice option off for a plan without one', async () => {
    const doc = await server.createDocument(owner.token)
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    await openDocument(r.page, doc.id) // a reviewer types in 修订 mode: the editor is editable
    await r.page.getByTestId('export-word').click()
    const dialog = r.page.getByRole('dialog', { name: '导出 Word' })
    await dialog.getByTestId('export-notice').uncheck()
    expect(await dialog.innerText()).toContain('只导出工作要点本身')
    const alone = await downloadedBytes(await confirmExport(r.page))
    const xml = await documentXml(alone)
    expect(xml).toContain('2021年下半年闵行教育工作要点')
    expect(xml).not.toContain('关于印发')

    const municipal = await server.createDocument(owner.token, municipalSeed())
    await server.share(municipal.id, reviewer.user.id, 'viewer')
    await openDocument(r.page, municipal.id, false)
    await r.page.getByTestId('export-word').click()
    const noNotice = r.page.getByRole('dialog', { name: '导出 Word' })
    expect(await noNotice.getByTestId('export-notice').isDisabled()).toBe(true)
    expect(await noNotice.getByTestId('export-notice').isChecked()).toBe(false)
    expect(await noNotice.innerText()).toContain('这份文档没有印发通知')
    await r.page.screenshot({ path: `${ARTIFACTS}screenshots/export-dialog-no-notice.png` })
    const download = await confirmExport(r.page)
    expect(download.suggestedFilename()).toBe('2024年上海市教育委员会工作要点.docx')
    const { plan: back } = await importFile(await downloadedBytes(download), download.suggestedFilename())
    expect(printed(back)).toEqual(printed(await planOf(municipal.id, owner.token)))
    expect(r.errors).toEqual([])
  })

  it('shows a plain Chinese sentence in the dialog when the export is refused, and keeps the dialog open', async () => {
    const doc = await server.createDocument(owner.token)
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    await openDocument(r.page, doc.id) // a reviewer types in 修订 mode: the editor is editable
    await r.page.getByTestId('export-word').click()
    const dialog = r.page.getByRole('dialog', { name: '导出 Word' })
    await dialog.waitFor()
    // The server refuses this one export (a removal of access would now replace the whole page at once).
    await r.page.route('**/export.docx*', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'forbidden', message: '您没有访问此文档的权限' } }) }))
    await dialog.getByTestId('export-confirm').click()
    await dialog.getByRole('alert').waitFor()
    expect(await dialog.getByRole('alert').innerText()).toBe('您没有访问此文档的权限')
    expect(await dialog.getByTestId('export-confirm').isEnabled()).toBe(true)
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('exports a named version from the read-only version view with the version in the file name', async () => {
    const doc = await server.createDocument(owner.token)
    const version = await server.api<VersionInfo>('POST', `/api/documents/${doc.id}/versions`, { token: owner.token, body: { name: '征求意见稿' } })
    await openDocument(a.page, doc.id)
    await cursorAtEndOfItem(a.page, '做好秋季开学和常态化疫情防控')
    await a.page.keyboard.type('（版本之后）')
    await a.page.locator('[data-testid=save-state][data-save=saved]').waitFor()

    await a.page.goto(`/documents/${doc.id}/versions/${version.body.id}`)
    await a.page.locator('[data-testid=version-view] [data-type=item-title]').first().waitFor()
    await a.page.getByTestId('version-banner').getByTestId('export-word').click()
    const dialog = a.page.getByRole('dialog', { name: '导出 Word' })
    expect(await dialog.innerText()).toContain('版本“征求意见稿”的内容')
    await a.page.screenshot({ path: `${ARTIFACTS}screenshots/export-version-dialog.png` })
    const download = await confirmExport(a.page)
    expect(download.suggestedFilename()).toBe('2021年下半年闵行教育工作要点（征求意见稿）.docx')
    const xml = await documentXml(await downloadedBytes(download))
    expect(xml).toContain('做好秋季开学和常态化疫情防控。')
    expect(xml).not.toContain('版本之后')
  })
})

import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo } from '../../shared/api/types.ts'
import { readStamps } from '../../shared/review/suggestStamps.ts'
import { connectClient } from '../utils/collabClient.ts'
import { textIn } from '../utils/planText.ts'
import { startTestServer, TEST_PASSWORD, type TestServer } from '../utils/testServer.ts'
import { waitForDoc } from '../utils/waitFor.ts'
import { launchBrowser, openDocument, signIn, type Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url))

let server: TestServer
let browser: Browser
let owner: { user: UserInfo; token: string }
let a: Window

beforeAll(async () => {
  await ensureClientBuilt()
  server = await startTestServer()
  browser = await launchBrowser()
  owner = await server.createUser('刘洋')
  a = await signIn(browser, server.url, '刘洋', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

async function documentXml(download: Download): Promise<string> {
  const bytes = new Uint8Array(readFileSync(await download.path()))
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
}

/** Opens 导出 Word, picks a reading of the open 修订 and downloads. */
async function exportWith(page: Page, reading: 'reject' | 'accept' | 'track', screenshot?: string): Promise<Download> {
  await page.getByTestId('export-word').click()
  const dialog = page.getByRole('dialog', { name: '导出 Word' })
  await dialog.waitFor()
  expect(await dialog.getByTestId('export-suggestions-reject').isChecked()).toBe(true)
  await dialog.getByTestId(`export-suggestions-${reading}`).check()
  if (screenshot) {
    mkdirSync(`${ARTIFACTS}screenshots`, { recursive: true })
    await page.screenshot({ path: `${ARTIFACTS}screenshots/${screenshot}` })
  }
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-confirm').click()])
  await dialog.waitFor({ state: 'detached' })
  return download
}

describe('导出 Word of a plan under review', () => {
  it('downloads the clean draft by default, the accepted text with 按全部接受, and Word revisions with 带修订和批注', async () => {
    const doc = await server.createDocument(owner.token)
    const reviewer = await server.createUser('周婷')
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    const client = await connectClient(server, doc.id, reviewer.token)
    textIn(client.doc, 'itemTitle', 0).insert(0, '（建议新增）', { insertion: { id: 'gE2eExport' } })
    await waitForDoc(client.doc, (d) => readStamps(d).has('gE2eExport'))
    client.close()

    await openDocument(a.page, doc.id)
    const clean = await documentXml(await exportWith(a.page, 'reject'))
    expect(clean).not.toContain('（建议新增）')
    const accepted = await documentXml(await exportWith(a.page, 'accept'))
    expect(accepted).toContain('1.（建议新增）')
    expect(accepted).not.toContain('<w:ins ')
    const tracked = await documentXml(await exportWith(a.page, 'track', 'export-dialog-review.png'))
    expect(tracked).toMatch(/<w:ins w:id="\d+" w:author="周婷"[^>]*><w:r>(?:(?!<\/w:r>).)*（建议新增）/)
    expect(a.errors).toEqual([])
  })
})

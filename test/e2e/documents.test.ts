import { mkdirSync, readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../server/import/importFile.ts'
import { SEED_PATHS } from '../utils/seeds.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { itemLines, launchBrowser, signInThroughPage } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

let server: TestServer
let browser: Browser
let admin: Window

beforeAll(async () => {
  await ensureClientBuilt()
  // With the seeds: last year's plan, the municipal plan and a carried-forward draft, as on a first start.
  server = await startTestServer({ seed: true })
  browser = await launchBrowser()
  admin = await signInThroughPage(browser, server.url, 'admin', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

describe('signing in', () => {
  it("shows the server's sentence for a wrong password and stays on the sign-in page", async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto('/documents')
    await page.locator('input[name=name]').fill('admin')
    await page.locator('input[name=password]').fill('not-the-password')
    await page.locator('button[type=submit]').click()
    const expected = await server.api<{ error: { message: string } }>('POST', '/api/login', { body: { name: 'admin', password: 'not-the-password' } })
    await page.locator('.form-error', { hasText: expected.body.error.message }).waitFor()
    expect(await page.locator('.login-card').count()).toBe(1)
    await context.close()
  })
})

describe('the document list', () => {
  it('lists the seeded documents with their kind, year and the user’s role', async () => {
    const rows = admin.page.locator('.doc-table tbody tr')
    await rows.first().waitFor()
    const text = await rows.allInnerTexts()
    expect(text).toHaveLength(3)
    expect(text.some((t) => t.includes('2021年下半年闵行教育工作要点') && t.includes('上年计划') && t.includes('2021') && t.includes('所有者'))).toBe(true)
    expect(text.some((t) => t.includes('上海市教育委员会工作要点') && t.includes('市级参考'))).toBe(true)
    expect(text.some((t) => t.includes('草稿'))).toBe(true)
  })

  it('imports seed 000 through the upload dialog, shows what the import noticed, and opens a 30-item plan', async () => {
    const { page } = admin
    const expected = await importFile(readFileSync(SEED_PATHS.district), '2021年下半年闵行教育工作要点.txt')
    await page.getByRole('button', { name: '导入文件' }).click()
    await page.locator('input[type=file]').setInputFiles(SEED_PATHS.district)
    await page.locator('.dialog').getByRole('button', { name: '导入', exact: true }).click()
    if (expected.warnings.length) {
      await page.locator('.import-result').waitFor()
      const shown = await page.locator('.warning-list li').allInnerTexts()
      expect(shown).toEqual(expected.warnings.map((w) => w.message))
      await page.getByRole('button', { name: '打开文档' }).click()
    }
    await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    await page.locator('[data-testid=item-count]', { hasText: '共 30 条' }).waitFor()
    const lines = await itemLines(page)
    expect(lines.map((l) => l.slice(0, l.indexOf('.') + 1))).toEqual(Array.from({ length: 30 }, (_, i) => `${i + 1}.`))
    expect(lines[0]).toBe('1.做好秋季开学和常态化疫情防控。')
    expect(lines[29]).toBe('30.规范教育行政服务。')
  })

  it('says in Chinese why a file cannot be imported', async () => {
    const { page } = admin
    await page.goto('/')
    await page.getByRole('button', { name: '导入文件' }).click()
    await page.locator('input[type=file]').setInputFiles({ name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('\u0000\u0001\u0002binary') })
    await page.locator('.dialog').getByRole('button', { name: '导入', exact: true }).click()
    const error = page.locator('.dialog .form-error')
    await error.waitFor()
    expect(await error.innerText()).toMatch(/[\u4e00-\u9fff]/)
    expect(await error.innerText()).not.toMatch(/Error|at .*\.ts|undefined/)
    await page.keyboard.press('Escape')
  })

  it('creates a plan from a template, with its drafting guidance shown beside the text', async () => {
    const { page } = admin
    await page.goto('/')
    await page.getByRole('button', { name: '新建文档' }).click()
    await page.locator('.template-card', { hasText: '区级年度教育工作要点' }).click()
    await page.locator('.dialog input').fill('2026年闵行区教育工作要点')
    await page.locator('.dialog').getByRole('button', { name: '创建' }).click()
    await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    await page.locator('.doc-title h1', { hasText: '2026年闵行区教育工作要点' }).waitFor()
    expect(await page.locator('.plan-guidance').count()).toBeGreaterThan(0)
    mkdirSync('artifacts/screenshots', { recursive: true })
    await page.screenshot({ path: 'artifacts/screenshots/editor-from-template.png' })
  })

  it('renames, carries forward and archives from the list', async () => {
    const { page } = admin
    const doc = await server.createDocument(server.admin.token)
    await page.goto('/')
    const row = page.locator(`tr[data-doc-id="${doc.id}"]`)
    await row.getByRole('button', { name: '重命名' }).click()
    await page.locator('.dialog input').fill('2021年下半年闵行教育工作要点（存档）')
    await page.locator('.dialog').getByRole('button', { name: '保存' }).click()
    await row.getByText('2021年下半年闵行教育工作要点（存档）').waitFor()

    await row.getByRole('button', { name: '结转' }).click()
    await page.locator('.dialog').getByRole('button', { name: '结转' }).click()
    await page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    const carriedId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
    expect(carriedId).not.toBe(doc.id)
    expect(await page.locator('.plan-item[data-carried=true]').count()).toBe(30)

    await page.goto('/')
    const carried = page.locator(`tr[data-doc-id="${carriedId}"]`)
    expect(await carried.locator('.kind-badge').innerText()).toBe('草稿')
    await carried.getByRole('button', { name: '归档' }).click()
    await page.locator('.dialog').getByRole('button', { name: '归档' }).click()
    await carried.waitFor({ state: 'detached' })
    await page.getByLabel('只看已归档').check()
    await page.locator(`tr[data-doc-id="${carriedId}"]`).waitFor()
    await page.getByLabel('只看已归档').uncheck()
  })

  it('shows the list with the imported plan (screenshot)', async () => {
    const { page } = admin
    await page.goto('/')
    await page.locator('.doc-table tbody tr').nth(5).waitFor()
    mkdirSync('artifacts/screenshots', { recursive: true })
    await page.screenshot({ path: 'artifacts/screenshots/document-list.png' })
    // 3 seeded, the imported plan, the one from a template, the renamed one (the carried one is archived).
    expect(await page.locator('.doc-table tbody tr').count()).toBe(6)
  })
})

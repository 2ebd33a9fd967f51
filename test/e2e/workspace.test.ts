import { mkdirSync, readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountInfo } from '../../shared/api/accounts.ts'
import type { CreateDocumentRequest, CreateDocumentResponse, DocumentInfo } from '../../shared/api/types.ts'
import { toPlanJson } from '../../shared/plan/planJson.ts'
import { municipalSeed, SEED_PATHS } from '../utils/seeds.ts'
import type { TestServer } from '../utils/testServer.ts'
import { TEST_PASSWORD } from '../utils/testServer.ts'
import { signIn } from './browser.ts'
import type { Window } from './browser.ts'
import { SHOTS, startTwoUsers, type Account } from './twoUsers.ts'

const WORKSPACE_SHOTS = `${SHOTS}/workspace`

let server: TestServer
let browser: Browser
let chen: Account
let wang: Account
let a: Window
let b: Window

beforeAll(async () => {
  ;({ server, browser, alice: chen, bob: wang, a, b } = await startTwoUsers(['陈静', '王芳']))
  mkdirSync(WORKSPACE_SHOTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

/** Creates a document through the API as `who`. */
async function create(who: Account, body: CreateDocumentRequest): Promise<DocumentInfo> {
  const res = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token: who.token, body })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.document
}

/** The district seed imported as a file, as last year's plan (2021). */
function importDistrict(who: Account, filename = '2021年下半年闵行教育工作要点.txt'): Promise<DocumentInfo> {
  return create(who, { import: { filename, base64: readFileSync(SEED_PATHS.district).toString('base64') }, kind: 'prior' })
}

/** Screenshots of the page at 1280×800 and 800×800 (the narrow one as NAME-800.png). */
async function shootBoth(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${WORKSPACE_SHOTS}/${name}.png` })
  await page.setViewportSize({ width: 800, height: 800 })
  await page.screenshot({ path: `${WORKSPACE_SHOTS}/${name}-800.png` })
  await page.setViewportSize({ width: 1280, height: 800 })
}

describe('the document list', () => {
  it('names owner, creator and source, filters by year, and tells two documents with the same title apart', async () => {
    const prior = await importDistrict(chen)
    const carried = await create(chen, { carryFrom: prior.id })
    const fromTemplate = await create(chen, { template: 'district-annual', title: '2022年闵行区教育工作要点' })
    // 王芳 makes a plan with the same title and shares it with 陈静: two rows read alike.
    const twin = await create(wang, { template: 'blank', title: '2022年闵行区教育工作要点' })
    await server.share(twin.id, chen.user.id, 'editor')

    await a.page.goto('/')
    const row = (id: string) => a.page.locator(`tr[data-doc-id="${id}"]`)
    await row(twin.id).waitFor()
    expect(await row(prior.id).getByTestId('doc-source').innerText()).toBe('导入')
    expect(await row(prior.id).getByTestId('doc-source').getAttribute('title')).toBe('导入文件：2021年下半年闵行教育工作要点.txt')
    expect(await row(carried.id).getByTestId('doc-source').innerText()).toBe('结转')
    expect(await row(fromTemplate.id).getByTestId('doc-source').innerText()).toBe('模板')
    expect(await row(twin.id).getByTestId('doc-source').innerText()).toBe('新建')
    expect(await row(twin.id).getByTestId('doc-owners').innerText()).toBe('王芳')
    expect(await row(prior.id).getByTestId('doc-owners').innerText()).toBe('陈静')
    const today = new Date()
    expect(await row(prior.id).getByTestId('doc-created').innerText()).toBe(`${today.getMonth() + 1}月${today.getDate()}日创建`)

    // Same title: each row says year, owner and last change; a unique title says nothing more.
    expect(await row(twin.id).getByTestId('doc-twin').innerText()).toMatch(/^同名文档：2022年 · 王芳 · 今天 \d\d:\d\d 修改$/)
    expect(await row(fromTemplate.id).getByTestId('doc-twin').innerText()).toMatch(/2022年 · 陈静/)
    expect(await row(prior.id).getByTestId('doc-twin').count()).toBe(0)
    await shootBoth(a.page, 'document-list')

    await a.page.getByTestId('year-filter').selectOption('2021')
    await row(carried.id).waitFor({ state: 'detached' })
    expect(await a.page.locator('.doc-table tbody tr').count()).toBe(1)
    expect(await row(prior.id).count()).toBe(1)
    await a.page.getByTestId('year-filter').selectOption('all')
    await row(carried.id).waitFor()
    expect(a.errors).toEqual([])
  })

  it('the import dialog chooses the kind from the file name and says so', async () => {
    await a.page.goto('/')
    await a.page.getByRole('button', { name: '导入文件' }).click()
    const dialog = a.page.getByRole('dialog')
    const municipal = readFileSync(SEED_PATHS.municipal)
    await dialog.locator('input[type=file]').setInputFiles({ name: '2024年上海市教育委员会工作要点.txt', mimeType: 'text/plain', buffer: municipal })
    expect(await dialog.getByTestId('import-kind').inputValue()).toBe('reference')
    await dialog.getByTestId('import-kind-hint').getByText('已按文件名选择“市级参考”').waitFor()
    await a.page.screenshot({ path: `${WORKSPACE_SHOTS}/import-kind.png` })
    await dialog.locator('input[type=file]').setInputFiles({ name: '2030年闵行教育工作要点.txt', mimeType: 'text/plain', buffer: municipal })
    expect(await dialog.getByTestId('import-kind').inputValue()).toBe('draft')
    // A kind the user picks stays, whatever file comes next.
    await dialog.getByTestId('import-kind').selectOption('prior')
    await dialog.locator('input[type=file]').setInputFiles({ name: '2024年上海市教育委员会工作要点.txt', mimeType: 'text/plain', buffer: municipal })
    expect(await dialog.getByTestId('import-kind').inputValue()).toBe('prior')
    expect(await dialog.getByTestId('import-kind-hint').count()).toBe(0)
    await dialog.getByTestId('import-kind').selectOption('reference')
    await dialog.getByRole('button', { name: '导入', exact: true }).click()
    // With warnings the dialog lists them first; the test does not depend on the seed having any.
    await a.page.locator('.import-result, [data-testid=plan-editor], .dialog .form-error').first().waitFor()
    expect(await dialog.locator('.form-error').allInnerTexts()).toEqual([])
    if (await a.page.locator('.import-result').count()) await dialog.getByRole('button', { name: '打开文档' }).click()
    await a.page.locator('[data-testid=plan-editor]').waitFor()
    const docId = decodeURIComponent(new URL(a.page.url()).pathname.split('/').pop() ?? '')
    expect((await server.api<DocumentInfo>('GET', `/api/documents/${docId}`, { token: chen.token })).body.kind).toBe('reference')
  })
})

describe('结转 from the list', () => {
  it('warns that a draft for that year exists (with a link), still carries, and links the municipal plan when ticked', async () => {
    const municipal = await create(chen, { import: { filename: '市级.json', base64: Buffer.from(JSON.stringify(toPlanJson(municipalSeed()))).toString('base64') }, kind: 'reference' })
    const prior = await importDistrict(chen, '2021年闵行要点（结转用）.txt')
    await server.api('PATCH', `/api/documents/${prior.id}`, { token: chen.token, body: { municipalId: municipal.id, title: '2021年闵行要点（结转用）' } })
    const existing = await create(chen, { carryFrom: prior.id, title: '2022年闵行要点（已有草稿）' })

    await a.page.goto('/')
    await a.page.locator(`tr[data-doc-id="${prior.id}"]`).getByRole('button', { name: '结转' }).click()
    const dialog = a.page.getByRole('dialog')
    const warning = dialog.getByTestId('carry-existing')
    await warning.getByText(/已有 (\d+ 份 )?2022 年的草稿/).waitFor()
    expect(await warning.getByRole('link').allInnerTexts()).toContain('《2022年闵行要点（已有草稿）》')
    expect(await warning.getByRole('link', { name: '《2022年闵行要点（已有草稿）》' }).getAttribute('href')).toBe(`/documents/${existing.id}`)
    expect(await dialog.getByTestId('carry-municipal').isChecked()).toBe(false)
    await dialog.getByText(`沿用市级计划《${municipal.title}》`).waitFor()
    await dialog.getByTestId('carry-municipal').check()
    await dialog.getByTestId('carry-title').fill('2022年闵行要点（第二稿）')
    await shootBoth(a.page, 'carry-dialog')
    await dialog.getByTestId('carry-confirm').getByText('仍然结转').click()
    await a.page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    const carriedId = decodeURIComponent(new URL(a.page.url()).pathname.split('/').pop() ?? '')
    expect(carriedId).not.toBe(existing.id)
    const carried = (await server.api<DocumentInfo>('GET', `/api/documents/${carriedId}`, { token: chen.token })).body
    expect(carried).toMatchObject({ title: '2022年闵行要点（第二稿）', priorId: prior.id, municipalId: municipal.id, kind: 'draft' })
    expect(a.errors).toEqual([])
  })

  it('links only last year’s plan when the box is left empty, and says nothing when no draft exists', async () => {
    const municipal = await create(chen, { import: { filename: '市级.json', base64: Buffer.from(JSON.stringify(toPlanJson(municipalSeed()))).toString('base64') }, kind: 'reference' })
    const prior = await create(chen, { template: 'district-annual', title: '2040年闵行区教育工作要点' })
    await server.api('PATCH', `/api/documents/${prior.id}`, { token: chen.token, body: { municipalId: municipal.id } })
    await a.page.goto('/')
    await a.page.locator(`tr[data-doc-id="${prior.id}"]`).getByRole('button', { name: '结转' }).click()
    const dialog = a.page.getByRole('dialog')
    await dialog.getByTestId('carry-municipal').waitFor()
    expect(await dialog.getByTestId('carry-existing').count()).toBe(0)
    await dialog.getByTestId('carry-confirm').getByText('结转').click()
    await a.page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    const carriedId = decodeURIComponent(new URL(a.page.url()).pathname.split('/').pop() ?? '')
    const carried = (await server.api<DocumentInfo>('GET', `/api/documents/${carriedId}`, { token: chen.token })).body
    expect(carried.priorId).toBe(prior.id)
    expect(carried.municipalId).toBeUndefined()
    expect(carried.year).toBe(2041)
  })
})

describe('用户管理', () => {
  it('adds an account with its 科室 from the bureau list, and leads back to the document list', async () => {
    const admin = await signIn(browser, server.url, 'admin', TEST_PASSWORD)
    await admin.page.goto('/admin/users')
    await admin.page.getByTestId('add-account').click()
    const dialog = admin.page.getByRole('dialog')
    await dialog.getByTestId('account-name').fill('zhoujing')
    await dialog.getByTestId('account-display').fill('周静')
    expect(await dialog.getByTestId('account-department').locator('option').allInnerTexts()).toEqual(['未设置', '办公室', '基教科', '德育科', '人事科', '计财科'])
    await dialog.getByTestId('account-department').selectOption('德育科')
    await dialog.getByTestId('account-password').fill('chushi2024')
    await admin.page.screenshot({ path: `${WORKSPACE_SHOTS}/add-account.png` })
    await dialog.getByTestId('account-create').click()
    await dialog.waitFor({ state: 'detached' })
    const row = admin.page.getByTestId('accounts').locator('tr[data-user="zhoujing"]')
    await row.waitFor()
    await admin.page.waitForFunction(() => document.querySelector<HTMLSelectElement>('tr[data-user="zhoujing"] select[aria-label="zhoujing的科室"]')?.value === '德育科')
    const accounts = await server.api<AccountInfo[]>('GET', '/api/accounts', { token: server.admin.token })
    expect(accounts.body.find((x) => x.name === 'zhoujing')).toMatchObject({ displayName: '周静', department: '德育科' })

    await admin.page.getByTestId('back-to-list').click()
    await admin.page.locator('.doc-table, .empty-state').first().waitFor()
    expect(new URL(admin.page.url()).pathname).toBe('/')
    expect(admin.errors).toEqual([])
    await admin.context.close()
  })
})

describe('申请权限 screens', () => {
  it('look right at 1280×800 and 800×800: the no-access page, the list notice, the 共享 dialog and the outcome', async () => {
    const doc = await create(chen, { template: 'district-annual', title: '2026年德育工作要点（申请权限截图）' })
    await b.page.goto(`/documents/${doc.id}`)
    await b.page.getByTestId('request-access').waitFor()
    await b.page.getByTestId('request-note').fill('我负责德育部分，需要编辑第三部分')
    await shootBoth(b.page, 'request-access')
    await b.page.getByTestId('request-submit').click()
    await b.page.getByTestId('request-state').waitFor()
    await shootBoth(b.page, 'request-pending')

    await a.page.goto('/')
    await a.page.getByTestId('requests-notice').getByText('王芳 申请打开').waitFor()
    await shootBoth(a.page, 'requests-notice')
    await a.page.getByTestId('requests-notice').getByText('王芳 申请打开').click()
    await a.page.getByTestId('share-badge').waitFor()
    await a.page.getByTestId('open-share').click()
    await a.page.getByTestId('pending-requests').locator('li[data-user="王芳"]').waitFor()
    await shootBoth(a.page, 'share-request')
    await a.page.getByTestId('pending-requests').getByTestId('request-grant').click()
    await a.page.getByTestId('share-members').locator('li[data-user="王芳"]').waitFor()
    await a.page.keyboard.press('Escape')

    await b.page.goto('/')
    await b.page.getByTestId('request-outcome').getByText('您的申请已通过').waitFor()
    await shootBoth(b.page, 'request-outcome')
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})

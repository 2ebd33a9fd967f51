import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { municipalSeed, SEED_PATHS } from '../utils/seeds.ts'
import type { TestServer } from '../utils/testServer.ts'
import { openDocument } from './browser.ts'
import type { Window } from './browser.ts'
import { SHOTS, startTwoUsers, type Account } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let owner: Account
let colleague: Account
let a: Window
let b: Window

beforeAll(async () => {
  ;({ server, browser, alice: owner, bob: colleague, a, b } = await startTwoUsers(['陈静', '王芳']))
})

afterAll(async () => {
  await browser?.close()
})

describe('linked reference plans (对照文档)', () => {
  it('an owner links a draft made from a template to the municipal plan from the checks panel, and 对标 appears in the other editor without a reload', async () => {
    const municipal = await server.createDocument(owner.token, municipalSeed())
    const draft = await server.createDocument(owner.token, { template: 'district-annual', title: '2025年区教育工作要点' })
    await server.share(draft.id, colleague.user.id, 'editor')
    await server.share(municipal.id, colleague.user.id, 'viewer')
    await openDocument(a.page, draft.id)
    await openDocument(b.page, draft.id)
    for (const w of [a, b]) {
      if (!(await w.page.getByTestId('side-tab-checks').isVisible())) await w.page.getByTestId('toggle-panel').click()
      await w.page.getByTestId('side-tab-checks').click()
      await w.page.getByTestId('checks-timing').getByText('未关联上年计划和市级工作要点').waitFor()
      expect(await w.page.getByTestId('side-tab-align').count()).toBe(0)
    }
    // The page must not reload: a marker on the window survives only without one.
    await b.page.evaluate(() => Object.assign(window, { noReload: true }))

    await a.page.getByTestId('checks-panel').getByTestId('open-references').click()
    const dialog = a.page.getByRole('dialog', { name: '对照文档' })
    const option = dialog.getByTestId('references-municipal').locator('option', { hasText: '2024年上海市教育委员会工作要点' })
    await option.waitFor({ state: 'attached' })
    await dialog.getByTestId('references-municipal').selectOption(municipal.id)
    await a.page.screenshot({ path: `${SHOTS}/references-dialog.png` })
    await a.page.setViewportSize({ width: 800, height: 800 })
    await a.page.screenshot({ path: `${SHOTS}/references-dialog-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })
    await dialog.getByTestId('references-save').click()
    await dialog.waitFor({ state: 'detached' })

    for (const w of [a, b]) {
      await w.page.getByTestId('side-tab-align').waitFor()
      await w.page.getByTestId('checks-timing').getByText('已对照市级工作要点').waitFor()
    }
    expect(await b.page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true)
    await b.page.getByTestId('side-tab-coverage').click()
    await b.page.getByTestId('side-tab-info').click()
    await b.page.getByTestId('info-municipal').getByText('2024年上海市教育委员会工作要点').waitFor()
    const info = await server.api<DocumentInfo>('GET', `/api/documents/${draft.id}`, { token: colleague.token })
    expect(info.body.municipalId).toBe(municipal.id)
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('offers the settings to owners and editors only', async () => {
    const draft = await server.createDocument(owner.token, { template: 'district-annual' })
    await server.share(draft.id, colleague.user.id, 'reviewer')
    await openDocument(b.page, draft.id) // a reviewer types in 修订 mode: the editor is editable
    if (!(await b.page.getByTestId('side-tab-info').isVisible())) await b.page.getByTestId('toggle-panel').click()
    await b.page.getByTestId('side-tab-info').click()
    await b.page.getByTestId('info-municipal').getByText('未关联').waitFor()
    expect(await b.page.getByTestId('open-references').count()).toBe(0)
  })

  it('imports the municipal plan on the spot from the settings and links it', async () => {
    const draft = await server.createDocument(owner.token, { template: 'district-annual' })
    await openDocument(a.page, draft.id)
    if (!(await a.page.getByTestId('side-tab-info').isVisible())) await a.page.getByTestId('toggle-panel').click()
    await a.page.getByTestId('side-tab-info').click()
    await a.page.getByTestId('open-references').click()
    const dialog = a.page.getByRole('dialog', { name: '对照文档' })
    const chooser = a.page.waitForEvent('filechooser')
    await dialog.getByTestId('references-municipal-import').click()
    await (await chooser).setFiles(SEED_PATHS.municipal)
    await a.page.waitForFunction(() => (document.querySelector<HTMLSelectElement>('[data-testid=references-municipal]')?.value ?? '') !== '')
    await dialog.getByTestId('references-save').click()
    await dialog.waitFor({ state: 'detached' })
    await a.page.getByTestId('side-tab-align').waitFor()
    const info = await server.api<DocumentInfo>('GET', `/api/documents/${draft.id}`, { token: owner.token })
    const linked = await server.api<DocumentInfo>('GET', `/api/documents/${info.body.municipalId}`, { token: owner.token })
    expect(linked.body.kind).toBe('reference')
    expect(a.errors).toEqual([])
  })
})

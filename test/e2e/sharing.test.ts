import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentInfo, MemberInfo } from '../../shared/api/types.ts'
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

describe('the 共享 dialog', () => {
  it('an owner shares a draft, and role changes and removal reach the colleague’s open editor at once', async () => {
    const doc = await server.createDocument(owner.token)
    await openDocument(a.page, doc.id)
    await a.page.getByTestId('open-share').click()
    const dialog = a.page.getByRole('dialog')
    await dialog.getByTestId('share-members').locator('li[data-user="陈静"]').waitFor()

    await dialog.getByTestId('share-who').fill('没有这个人')
    await dialog.getByTestId('share-add').click()
    await dialog.getByRole('alert').getByText('找不到账号“没有这个人”').waitFor()

    await dialog.getByTestId('share-who').fill('王芳')
    await dialog.getByTestId('share-role').selectOption('editor')
    await dialog.getByTestId('share-add').click()
    const row = dialog.getByTestId('share-members').locator('li[data-user="王芳"]')
    await row.waitFor()
    expect(await row.locator('select').inputValue()).toBe('editor')
    expect(await dialog.getByTestId('share-link').inputValue()).toBe(`${server.url}/documents/${doc.id}`)
    await dialog.getByTestId('share-copy').click()
    await dialog.getByTestId('share-copy').getByText('已复制').waitFor()
    await a.page.screenshot({ path: `${SHOTS}/share-dialog.png` })
    await a.page.setViewportSize({ width: 800, height: 800 })
    await a.page.screenshot({ path: `${SHOTS}/share-dialog-800.png` })
    await a.page.setViewportSize({ width: 1280, height: 800 })

    // The colleague edits; made a reviewer, her open editor reopens in 修订 mode and says so.
    await openDocument(b.page, doc.id, true)
    await row.locator('select').selectOption('reviewer')
    await b.page.getByTestId('readonly-banner').getByText('您是本文档的审阅人：您的修改都以修订建议的形式显示').waitFor()

    // Removed, her editor says she has no access.
    await row.getByRole('button', { name: '移除王芳' }).click()
    await row.waitFor({ state: 'detached' })
    await b.page.getByText('您没有访问此文档的权限').first().waitFor()
    const members = await server.api<MemberInfo[]>('GET', `/api/documents/${doc.id}/members`, { token: owner.token })
    expect(members.body.map((m) => m.name)).toEqual(['陈静'])

    // Everyone in the bureau may read it.
    await dialog.getByTestId('share-everyone').selectOption('viewer')
    await a.page.waitForFunction(() => !document.querySelector<HTMLSelectElement>('[data-testid=share-everyone]')?.disabled)
    const seen = await server.api<DocumentInfo>('GET', `/api/documents/${doc.id}`, { token: colleague.token })
    expect(seen.body.role).toBe('viewer')
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('adds a whole 科室 at once', async () => {
    const doc = await server.createDocument(owner.token)
    const members = ['赵磊', '孙丽']
    for (const name of members) {
      const { user } = await server.createUser(name)
      await server.api('PATCH', `/api/accounts/${user.id}`, { token: server.admin.token, body: { department: '德育科' } })
    }
    await openDocument(a.page, doc.id)
    await a.page.getByTestId('open-share').click()
    const dialog = a.page.getByRole('dialog')
    await dialog.getByTestId('share-who').fill('科室：德育科')
    await dialog.getByTestId('share-role').selectOption('reviewer')
    await dialog.getByTestId('share-add').click()
    for (const name of members) await dialog.getByTestId('share-members').locator(`li[data-user="${name}"]`).waitFor()
    const listed = await server.api<MemberInfo[]>('GET', `/api/documents/${doc.id}/members`, { token: owner.token })
    expect(listed.body.filter((m) => members.includes(m.name)).map((m) => m.role)).toEqual(['reviewer', 'reviewer'])
  })

  it('is offered to owners only', async () => {
    const doc = await server.createDocument(owner.token)
    await server.share(doc.id, colleague.user.id, 'editor')
    await openDocument(b.page, doc.id, true)
    await b.page.getByTestId('status-button').waitFor()
    expect(await b.page.getByTestId('open-share').count()).toBe(0)
  })
})

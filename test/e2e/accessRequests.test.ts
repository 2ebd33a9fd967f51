import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../utils/testServer.ts'
import { openDocument, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { SHOTS, startTwoUsers, type Account } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let owner: Account
let a: Window
let b: Window

beforeAll(async () => {
  ;({ server, browser, alice: owner, a, b } = await startTwoUsers(['陈静', '王芳']))
})

afterAll(async () => {
  await browser?.close()
})

describe('申请权限', () => {
  it('a colleague without access requests it, the owner grants editor in one click, and then both edit together', async () => {
    const doc = await server.createDocument(owner.token)
    await b.page.goto(`/documents/${doc.id}`)
    await b.page.getByTestId('request-access').waitFor()
    await b.page.getByTestId('request-note').fill('我负责德育部分')
    await b.page.getByTestId('request-submit').click()
    await b.page.getByTestId('request-state').getByText('等待文档所有者处理').waitFor()
    await b.page.screenshot({ path: `${SHOTS}/request-access.png` })

    await a.page.goto('/')
    await a.page.getByTestId('requests-badge').getByText('1').waitFor()
    await a.page.getByTestId('requests-notice').getByText('王芳 申请打开').click()
    await a.page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    await a.page.getByTestId('share-badge').getByText('1').waitFor()
    await a.page.getByTestId('open-share').click()
    const request = a.page.getByTestId('pending-requests').locator('li[data-user="王芳"]')
    await request.getByText('“我负责德育部分”').waitFor()
    await a.page.screenshot({ path: `${SHOTS}/share-dialog-request.png` })
    await request.getByTestId('request-grant').click()
    await a.page.getByTestId('share-members').locator('li[data-user="王芳"]').waitFor()
    await a.page.keyboard.press('Escape')

    await b.page.goto('/')
    await b.page.getByTestId('request-outcome').getByText('您的申请已通过').waitFor()
    await openDocument(b.page, doc.id, true)
    await a.page.locator('[data-type=item-title]').first().click()
    await a.page.keyboard.press('Home')
    await a.page.keyboard.type('共同')
    await waitForItemLine(b.page, '1.共同做好秋季开学和常态化疫情防控。')
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})

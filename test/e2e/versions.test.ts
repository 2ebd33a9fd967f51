import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VersionInfo } from '../../shared/api/types.ts'
import type { TestServer } from '../utils/testServer.ts'
import { cursorAtEndOfItem, itemLines, openDocument, waitForItemLine } from './browser.ts'
import type { Window } from './browser.ts'
import { startTwoUsers, type Account } from './twoUsers.ts'

let server: TestServer
let browser: Browser
let owner: Account
let editor: Account
let a: Window
let b: Window

beforeAll(async () => {
  ;({ server, browser, alice: owner, bob: editor, a, b } = await startTwoUsers(['赵敏', '孙磊']))
})

afterAll(async () => {
  await browser?.close()
})

describe('named versions', () => {
  it('saves a version named 征求意见稿, shows it read-only, and restores it for everyone after confirming', async () => {
    const doc = await server.createDocument(owner.token)
    await server.share(doc.id, editor.user.id, 'editor')
    await openDocument(a.page, doc.id)
    await openDocument(b.page, doc.id)
    const original = await itemLines(a.page)

    await a.page.getByTestId('side-tab-versions').click()
    await a.page.getByTestId('create-version').click()
    await a.page.locator('.dialog .chip', { hasText: '征求意见稿' }).click()
    await a.page.locator('.dialog').getByRole('button', { name: '保存' }).click()
    await a.page.locator('.version-row[data-version-name=征求意见稿]').waitFor()

    await cursorAtEndOfItem(b.page, '做好秋季开学和常态化疫情防控')
    await b.page.keyboard.type('（版本之后的修改）')
    await waitForItemLine(a.page, '1.做好秋季开学和常态化疫情防控。（版本之后的修改）')

    await a.page.locator('.version-row[data-version-name=征求意见稿]').getByRole('button', { name: '查看' }).click()
    await a.page.getByTestId('version-banner').getByText('征求意见稿').waitFor()
    await a.page.locator('[data-testid=version-view] [data-type=item-title]').first().waitFor()
    expect(await a.page.locator('[data-testid=version-view]').getAttribute('contenteditable')).toBe('false')
    expect(await itemLines(a.page)).toEqual(original)

    await a.page.getByTestId('restore-version').click()
    await a.page.locator('.dialog', { hasText: '恢复版本' }).getByRole('button', { name: '恢复', exact: true }).click()
    await a.page.locator('[data-testid=plan-editor][contenteditable=true]').waitFor()
    for (const page of [a.page, b.page]) {
      await waitForItemLine(page, '1.做好秋季开学和常态化疫情防控。')
      expect(await itemLines(page)).toEqual(original)
    }
    // Restoring kept the text from before the restore as a version of its own.
    const versions = await server.api<VersionInfo[]>('GET', `/api/documents/${doc.id}/versions`, { token: owner.token })
    expect(versions.body.map((v) => v.name)).toContain('征求意见稿')
    expect(versions.body).toHaveLength(2)
  })
})

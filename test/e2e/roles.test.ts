import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UserInfo } from '../../shared/api/types.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { planSchema } from '../../shared/editor/planExtensions.ts'
import { scanSuggestions } from '../../shared/review/suggestScan.ts'
import { pmDocOfFragment } from '../../shared/review/suggestYdoc.ts'
import { waitFor } from '../utils/waitFor.ts'
import { launchBrowser, openDocument, signIn } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

let server: TestServer
let browser: Browser
let owner: { user: UserInfo; token: string }
let reviewer: { user: UserInfo; token: string }
let r: Window

beforeAll(async () => {
  await ensureClientBuilt()
  server = await startTestServer()
  browser = await launchBrowser()
  owner = await server.createUser('陈静')
  reviewer = await server.createUser('王芳')
  r = await signIn(browser, server.url, '王芳', TEST_PASSWORD)
})

afterAll(async () => {
  await browser?.close()
})

describe('roles in the editor', () => {
  it('a reviewer is told their edits become suggestions: typing shows as a 修订 and the plan itself is unchanged', async () => {
    const doc = await server.createDocument(owner.token)
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    await openDocument(r.page, doc.id)
    const banner = r.page.getByTestId('readonly-banner')
    expect(await banner.innerText()).toContain('您是本文档的审阅人：您的修改都以修订建议的形式显示')
    await r.page.locator('[data-type=item-title]').first().click()
    await r.page.keyboard.press('End')
    await r.page.keyboard.type('审阅人想改')
    await r.page.keyboard.press('Backspace')
    await r.page.locator('.plan-doc ins', { hasText: '审阅人想' }).waitFor()
    expect(await r.page.getByTestId('insert-item').isDisabled()).toBe(true)
    expect(await r.page.getByTestId('delete-item').isDisabled()).toBe(true)
    // The server has the suggestion, and the plan (read as if every suggestion were rejected) is as it was.
    await waitFor(() => {
      const room = server.services.rooms.get(doc.id)
      return Boolean(room && scanSuggestions(pmDocOfFragment(room.doc.getXmlFragment(PLAN_FIELD), planSchema())).some((p) => p.text === '审阅人想'))
    })
    const plan = await server.api<{ sections: { items: { title: string }[] }[] }>('GET', `/api/documents/${doc.id}/plan`, { token: owner.token })
    expect(plan.body.sections.flatMap((s) => s.items).map((i) => i.title)[0]).toBe('做好秋季开学和常态化疫情防控。')
    expect(r.errors).toEqual([])
  })

  it('someone without access to a document gets a plain sentence instead of the editor', async () => {
    const doc = await server.createDocument(owner.token)
    await r.page.goto(`/documents/${doc.id}`)
    const expected = await server.api<{ error: { message: string } }>('GET', `/api/documents/${doc.id}`, { token: reviewer.token })
    expect(expected.status).toBe(403)
    await r.page.getByTestId('editor-placeholder').getByText(expected.body.error.message).waitFor()
    expect(await r.page.locator('[data-testid=plan-editor]').count()).toBe(0)
    // The header no longer says the document is opening.
    expect(await r.page.locator('.doc-title h1').innerText()).toBe('无法打开文档')
  })
})

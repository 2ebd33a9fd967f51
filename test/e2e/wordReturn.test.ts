// 导入返回的Word in the browser: an editor picks the .docx a department revised in LibreOffice,
// reads the summary, and the imported 修订 and 批注 appear in her editor and in a colleague's.
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPlan, replacePlan } from '../../shared/collab/ydoc.ts'
import { allItems } from '../../shared/plan/numbering.ts'
import { connectClient } from '../utils/collabClient.ts'
import { waitForDoc } from '../utils/waitFor.ts'
import { DEPARTMENT_EDITS, exportedPlan, libreOfficeMissing, reviseInLibreOffice } from '../utils/wordReturnFile.ts'
import { openDocument, waitForText } from './browser.ts'
import { SHOTS, startTwoUsers, type TwoUsers } from './twoUsers.ts'

const DIR = `${SHOTS}/wordReturn`
const skip = libreOfficeMissing()
let t: TwoUsers | undefined

beforeAll(async () => {
  if (skip) return
  t = await startTwoUsers(['张伟', '李娜'])
  mkdirSync(DIR, { recursive: true })
}, 120_000)

afterAll(async () => {
  await t?.browser.close()
})

/** Opens the side panel on its tab (修订: suggestions, 批注: comments). */
async function sideTab(page: Page, tab: 'suggestions' | 'comments'): Promise<void> {
  if (!(await page.locator('.side-panel').count())) await page.getByTestId('toggle-panel').click()
  await page.getByTestId(`side-tab-${tab}`).click()
}

/** The texts the editor shows as insertions or deletions, and the hover title of each (author and time). */
function marks(page: Page): Promise<{ tag: string; text: string; title: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.plan-doc ins, .plan-doc del')].map((e) => {
      const copy = e.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[contenteditable=false], .collab-caret').forEach((c) => c.remove())
      const titled = e.closest('[title]') ?? e.querySelector('[title]')
      return { tag: e.tagName.toLowerCase(), text: copy.textContent ?? '', title: titled?.getAttribute('title') ?? '' }
    }),
  )
}

/** Waits until the editor shows exactly these marked texts (tag:text, in document order). */
async function waitForMarks(page: Page, want: string[]): Promise<void> {
  await page
    .waitForFunction((w) => [...document.querySelectorAll('.plan-doc ins, .plan-doc del')].map((e) => `${e.tagName.toLowerCase()}:${e.textContent ?? ''}`).join('|') === w.join('|'), want, { timeout: 15_000 })
    .catch(async (err: unknown) => {
      throw new Error(`marks ${want.join('|')} not shown; the page shows ${JSON.stringify(await marks(page))}`, { cause: err })
    })
}

describe.skipIf(skip)('导入返回的Word in two browsers', () => {
  it('an editor imports a revised .docx: the dialog sums up what was placed and why the rest was not, and both browsers show the 修订 and 批注 under the Word author', { timeout: 180_000 }, async () => {
    if (!t) throw new Error('not started')
    const { server, alice, bob, a, b } = t
    const doc = await server.createDocument(server.admin.token, exportedPlan())
    await server.share(doc.id, alice.user.id, 'editor')
    await server.share(doc.id, bob.user.id, 'reviewer')
    const exported = await fetch(`${server.url}/api/documents/${doc.id}/export.docx`, { headers: { Authorization: `Bearer ${alice.token}` } })
    expect(exported.status).toBe(200)
    const returned = await reviseInLibreOffice(new Uint8Array(await exported.arrayBuffer()), DEPARTMENT_EDITS)

    // Since the export the office reworded 保障校园安全, so the department's change there no longer fits.
    const office = await connectClient(server, doc.id, server.admin.token)
    const plan = readPlan(office.doc)
    plan.sections[1].items[2].body = '落实安全责任制，定期开展疏散演练。'
    replacePlan(office.doc, plan)
    await waitForDoc(office.doc, (d) => allItems(readPlan(d))[4].body.startsWith('落实安全责任制，定期'))

    await openDocument(a.page, doc.id)
    await openDocument(b.page, doc.id)
    await sideTab(a.page, 'suggestions')
    await sideTab(b.page, 'suggestions')
    await a.page.getByTestId('suggestions-empty').waitFor()

    // 张伟 opens 修订 → 导入返回的Word and picks the file.
    await a.page.getByTestId('word-return').click()
    await a.page
      .getByTestId('word-return-file')
      .setInputFiles({ name: '征求意见稿（基教科返回）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(returned) })
    await a.page.getByTestId('word-return-start').click()
    // The summary stays up while the suggestions arrive in the panel behind it.
    const summary = a.page.getByTestId('word-return-summary')
    await summary.waitFor()
    await waitForMarks(a.page, ['del:四次', 'ins:六次', 'ins:全面', 'del:内容'])
    await a.page.locator('[data-testid=suggestion]').nth(2).waitFor()
    expect(await summary.isVisible()).toBe(true)
    const said = await summary.innerText()
    expect(said).toContain('已导入 3 处修订、1 条批注')
    expect(said).toContain('以下 2 处未能导入')
    const unplaced = await summary.locator('li').allInnerTexts()
    expect(unplaced).toHaveLength(2)
    expect(unplaced[0]).toMatch(/^删除\s*“应急演练”：.*原文在当前草稿中已改动/)
    expect(unplaced[1]).toMatch(/^插入\s*“消防演练”：/)
    await a.page.screenshot({ path: `${DIR}/summary-1280.png` })
    await a.page.getByRole('button', { name: '完成' }).click()
    await summary.waitFor({ state: 'detached' })

    // Both browsers: the marks with the Word author and the importer on hover, the person in the 修订 panel.
    const shown = '张三（基教科）（Word，张伟导入）'
    for (const page of [a.page, b.page]) {
      await waitForMarks(page, ['del:四次', 'ins:六次', 'ins:全面', 'del:内容'])
      for (const m of await marks(page)) expect(m.title).toContain(shown)
      await waitForText(page, '[data-testid=suggestions-person] strong', shown)
      expect(await page.locator('[data-testid=suggestion]').count()).toBe(3)
    }
    // The comment is a 批注 thread in 李娜's browser, under the name in the file.
    await sideTab(b.page, 'comments')
    await waitForText(b.page, '.side-panel', '建议写明推广的学段')
    await waitForText(b.page, '.side-panel', '王五（德育科）（Word，张伟导入）')
    await b.page.screenshot({ path: `${DIR}/comments-reviewer.png` })

    // The 修订 panel header with the button, at 1280 and 800 px wide.
    for (const width of [1280, 800]) {
      await a.page.setViewportSize({ width, height: 800 })
      await sideTab(a.page, 'suggestions')
      await a.page.getByTestId('word-return').waitFor()
      await a.page.screenshot({ path: `${DIR}/panel-${width}.png` })
      // The count reads on one line: no wrapping one character per line.
      const count = a.page.getByTestId('suggestions-count')
      const box = await count.boundingBox()
      const lineHeight = await count.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.5)
      expect(box && box.height).toBeLessThan(lineHeight * 1.5)
    }
    expect([...a.errors, ...b.errors]).toEqual([])
    office.close()
  })
})

import { mkdirSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../shared/plan/types.ts'
import { cursorAtEndOfItem, itemLines, openDocument, waitForItemLine } from './browser.ts'
import { SHOTS, startTwoUsers, type TwoUsers } from './twoUsers.ts'

let t: TwoUsers
const DIR = `${SHOTS}/paste`
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/paste/${name}`, import.meta.url), 'utf8')

beforeAll(async () => {
  t = await startTwoUsers()
  mkdirSync(DIR, { recursive: true })
})

afterAll(async () => {
  await t?.browser.close()
})

/** A small draft: 一、 with items 1. 2., 二、 with item 3. */
function draft(): Plan {
  const item = (id: string, title: string, body = '') => ({ id, title, body })
  return {
    title: '2027年青石区教育工作要点',
    preamble: ['2027年，全区教育系统要坚持稳中求进。'],
    meta: {},
    sections: [
      { id: 's1', heading: '加强党的建设', intro: [], items: [item('i1', '落实主体责任。', '每季度专题研究一次。'), item('i2', '加强班子建设。')], subsections: [] },
      { id: 's2', heading: '推进教育公平', intro: [], items: [item('i3', '扩大学位供给。', '新增学位三千个。')], subsections: [] },
    ],
  }
}

/** Pastes as Chromium does when the user presses Ctrl+V: a paste event carrying text/html and text/plain. */
async function pasteInto(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ([h, p]) => {
      const data = new DataTransfer()
      data.setData('text/html', h)
      data.setData('text/plain', p)
      const target = document.activeElement ?? document.querySelector('[data-testid=plan-editor]')
      target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    [html, text] as const,
  )
}

/** The outline's entries as label + text (一、加强党的建设). */
function outlineEntries(page: Page): Promise<string[]> {
  return page.locator('.outline-entry').evaluateAll((els) => els.map((el) => `${el.querySelector('.outline-label')?.textContent ?? ''}${el.querySelector('.outline-text')?.textContent ?? ''}`))
}

describe('paste from Word into a draft', () => {
  it('turns a Word section with two numbered items into a section and items at the caret, which the other user sees, and one Ctrl+Z takes back', async () => {
    const doc = await t.server.createDocument(t.alice.token, draft())
    await t.server.share(doc.id, t.bob.user.id, 'editor')
    await openDocument(t.a.page, doc.id)
    await openDocument(t.b.page, doc.id)
    await t.a.page.locator('.connection[data-state=online]').waitFor()
    const before = await itemLines(t.a.page)
    expect(before).toEqual(['1.落实主体责任。', '2.加强班子建设。', '3.扩大学位供给。'])

    // Typing just before the paste (within the half second the collaborative undo would merge) stays after one Ctrl+Z.
    await t.a.page.locator('.plan-item p:not([data-type])', { hasText: '每季度专题研究一次。' }).click()
    await t.a.page.keyboard.press('End')
    await t.a.page.keyboard.type('逐项销号。')
    await pasteInto(t.a.page, fixture('word-items.html'), '三、完善家校共育机制\r\n5.\t办好家长学校。每校每学期至少开设四次家长课程。\r\n6.\t做实全员家访“千师访万家”。班主任每学年走访本班全部学生家庭。\r\n')
    const after = ['1.落实主体责任。', '2.加强班子建设。', '3.办好家长学校。', '4.做实全员家访“千师访万家”。', '5.扩大学位供给。']
    await waitForItemLine(t.a.page, '5.扩大学位供给。')
    expect(await itemLines(t.a.page)).toEqual(after)
    // The typed numbers 5. 6. are gone from the text: numbers come from order.
    expect(await t.a.page.locator('[data-type=item-title]', { hasText: '办好家长学校' }).innerText()).toBe('办好家长学校。')
    await t.a.page.locator('.outline-entry', { hasText: '完善家校共育机制' }).waitFor()
    expect((await outlineEntries(t.a.page)).filter((e) => /^[一二三四]、/.test(e))).toEqual(['一、加强党的建设', '二、完善家校共育机制', '三、推进教育公平'])

    await waitForItemLine(t.b.page, '5.扩大学位供给。')
    expect(await itemLines(t.b.page)).toEqual(after)
    await t.a.page.locator('[data-testid=save-state][data-save=saved]').waitFor()
    const stored = (await t.server.api<Plan>('GET', `/api/documents/${doc.id}/plan`, { token: t.alice.token })).body
    expect(stored.sections.map((s) => s.heading)).toEqual(['加强党的建设', '完善家校共育机制', '推进教育公平'])
    expect(stored.sections[1].items.map((i) => i.body)).toEqual(['每校每学期至少开设四次家长课程，课程内容由学校和家委会共同商定，做到有计划、有教材、有记录。', '班主任每学年走访本班全部学生家庭。'])
    await t.a.page.screenshot({ path: `${DIR}/after-paste.png` })

    await t.a.page.keyboard.press('Control+z')
    await waitForItemLine(t.b.page, '3.扩大学位供给。')
    expect(await itemLines(t.b.page)).toEqual(before)
    expect(await itemLines(t.a.page)).toEqual(before)
    await t.b.page.locator('.plan-item p', { hasText: '每季度专题研究一次。逐项销号。' }).waitFor()
    expect(t.a.errors).toEqual([])
  })

  it("pastes plain sentences inside an item's body as text, leaving the items as they were", async () => {
    const doc = await t.server.createDocument(t.alice.token, draft())
    await openDocument(t.a.page, doc.id)
    await t.a.page.locator('.connection[data-state=online]').waitFor()
    await t.a.page.locator('.plan-item p:not([data-type])', { hasText: '每季度专题研究一次。' }).click()
    await t.a.page.keyboard.press('End')
    await pasteInto(t.a.page, fixture('word-plain.html'), '各校要把这项工作作为重点，按2.5万元的标准安排经费。\r\n区教育局将在年底组织检查。')
    await t.a.page.locator('.plan-item p', { hasText: '区教育局将在年底组织检查。' }).waitFor()
    expect(await itemLines(t.a.page)).toEqual(['1.落实主体责任。', '2.加强班子建设。', '3.扩大学位供给。'])
  })

  it('cleans a web page copy and says what it removed', async () => {
    const doc = await t.server.createDocument(t.alice.token, draft())
    await openDocument(t.a.page, doc.id)
    await t.a.page.locator('.connection[data-state=online]').waitFor()
    await cursorAtEndOfItem(t.a.page, '扩大学位供给。')
    await pasteInto(t.a.page, fixture('web-article.html'), '')
    await waitForItemLine(t.a.page, '7.办好心理健康教育。')
    await t.a.page.locator('.notice', { hasText: '已删除网站附加文字' }).first().waitFor()
    const text = await t.a.page.locator('[data-testid=plan-editor]').innerText()
    expect(text).not.toMatch(/发布时间|阅读次数|下一篇|本文来源/)
    await t.a.page.screenshot({ path: `${DIR}/web-copy-notice.png` })
  })
})

import { readFileSync } from 'node:fs'
import type { Editor } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { pasteLimitProblem, pastePlanTransaction } from '../../../client/editor/pastePlanTransaction.ts'
import { pmToPlan } from '../../../shared/editor/convert/pmToPlan.ts'
import { readPaste, type Clipboard } from '../../../shared/import/pastePiece.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { cursorAt, cursorInEmpty, outline, planEditor, press, sketchPlan } from '../../shared/editor/planEditor.ts'

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/paste/${name}`, import.meta.url), 'utf8')

/** A draft with two sections: 一、(1. 2.) and 二、(3.). */
function draft(): Editor {
  return planEditor(
    sketchPlan([
      { heading: '加强党的建设', items: ['落实主体责任。|每季度专题研究一次。', '加强班子建设。'] },
      { heading: '推进教育公平', items: ['扩大学位供给。'] },
    ]),
  )
}

/** Pastes as the PastePlan extension does; false when the paste is left to the editor. */
function paste(editor: Editor, clipboard: Clipboard): boolean {
  const piece = readPaste(clipboard)
  const tr = piece && pastePlanTransaction(editor.state, piece)
  if (!tr) return false
  editor.view.dispatch(tr)
  return true
}

/** The document passes the schema check the server runs, and every section, sub-section and item has its own id. */
function expectValid(editor: Editor): Plan {
  editor.state.doc.check()
  const plan = pmToPlan(editor.state.doc.toJSON())
  const ids = plan.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id), ...s.subsections.flatMap((u) => [u.id, ...u.items.map((i) => i.id)])])
  expect(ids.every(Boolean)).toBe(true)
  expect(new Set(ids).size).toBe(ids.length)
  return plan
}

describe('pasting a piece of a plan into the editor', () => {
  it("puts a pasted Word section after the caret's section, its items numbered on from there and later numbers moving on", () => {
    const editor = draft()
    cursorAt(editor, '加强班子建设。', 3)
    expect(paste(editor, { html: fixture('word-items.html') })).toBe(true)
    expect(outline(editor.state.doc)).toEqual([
      '一、加强党的建设',
      '1.落实主体责任。',
      '  每季度专题研究一次。',
      '2.加强班子建设。',
      '二、完善家校共育机制',
      '3.办好家长学校。',
      '  每校每学期至少开设四次家长课程，课程内容由学校和家委会共同商定，做到有计划、有教材、有记录。',
      '4.做实全员家访“千师访万家”。',
      '  班主任每学年走访本班全部学生家庭。',
      '三、推进教育公平',
      '5.扩大学位供给。',
    ])
    expectValid(editor)
    // The caret ends in the pasted text, where typing goes on.
    expect(editor.state.selection.$from.parent.textContent).toBe('班主任每学年走访本班全部学生家庭。')
  })

  it("splits pasted numbered lines into items after the caret's item, dropping the typed numbers", () => {
    const editor = draft()
    cursorAt(editor, '每季度专题研究一次。', 10)
    expect(paste(editor, { text: '7.开展廉洁文化进校园。每校一次。\n8.建好党员先锋岗。' })).toBe(true)
    expect(outline(editor.state.doc).filter((l) => !l.startsWith('  '))).toEqual([
      '一、加强党的建设',
      '1.落实主体责任。',
      '2.开展廉洁文化进校园。',
      '3.建好党员先锋岗。',
      '4.加强班子建设。',
      '二、推进教育公平',
      '5.扩大学位供给。',
    ])
    expectValid(editor)
  })

  it('replaces the empty item made by Ctrl+Enter with the pasted items', () => {
    const editor = draft()
    cursorAt(editor, '加强班子建设。', 7)
    press(editor, 'Mod-Enter')
    cursorInEmpty(editor, 'itemTitle')
    expect(paste(editor, { text: '1）开展廉洁文化进校园。\n2）建好党员先锋岗。' })).toBe(true)
    expect(outline(editor.state.doc).filter((l) => l.startsWith('3.') || l.startsWith('4.') || l.startsWith('5.'))).toEqual(['3.开展廉洁文化进校园。', '4.建好党员先锋岗。', '5.扩大学位供给。'])
    expectValid(editor)
  })

  it('replaces the empty section made by Ctrl+Shift+Enter with the pasted sections', () => {
    const editor = draft()
    cursorAt(editor, '加强班子建设。', 7)
    press(editor, 'Mod-Shift-Enter')
    expect(paste(editor, { html: fixture('wps-list-rules.html') })).toBe(true)
    const plan = expectValid(editor)
    expect(plan.sections.map((s) => s.heading)).toEqual(['加强党的建设', '推进教育数字化', '加强教师培训', '推进教育公平'])
  })

  it("keeps sentences before the first number as paragraphs at the end of the caret's item, just before the pasted items", () => {
    const editor = draft()
    cursorAt(editor, '每季度专题研究一次。', 10)
    expect(paste(editor, { text: '并形成问题清单。\n5.开展廉洁文化进校园。' })).toBe(true)
    expect(outline(editor.state.doc).slice(0, 5)).toEqual(['一、加强党的建设', '1.落实主体责任。', '  每季度专题研究一次。', '  并形成问题清单。', '2.开展廉洁文化进校园。'])
    expectValid(editor)
    // From the end of a lead sentence, too: the item's own body stays with its lead sentence.
    const other = draft()
    cursorAt(other, '落实主体责任。', 7)
    expect(paste(other, { text: '并形成问题清单。\n5.开展廉洁文化进校园。' })).toBe(true)
    expect(outline(other.state.doc).slice(0, 5)).toEqual(['一、加强党的建设', '1.落实主体责任。', '  每季度专题研究一次。', '  并形成问题清单。', '2.开展廉洁文化进校园。'])
  })

  it('puts sentences before the first number after the heading and intro when the caret is in a section heading', () => {
    const editor = draft()
    cursorAt(editor, '推进教育公平', 2)
    expect(paste(editor, { text: '本部分由基教科牵头。\n1.新建学校两所。' })).toBe(true)
    const plan = expectValid(editor)
    expect(plan.sections[1]).toMatchObject({ heading: '推进教育公平', intro: ['本部分由基教科牵头。'] })
    expect(plan.sections[1].items.map((i) => i.title)).toEqual(['新建学校两所。', '扩大学位供给。'])
  })

  it("puts pasted sub-sections after the caret's sub-section", () => {
    const editor = planEditor(
      sketchPlan([
        {
          heading: '加强党的建设',
          subsections: [
            { heading: '落实责任', items: ['压实责任。'] },
            { heading: '改进作风', items: ['开展调研。'] },
          ],
        },
      ]),
    )
    cursorAt(editor, '压实责任。', 2)
    expect(paste(editor, { html: fixture('word-chrome-comments.html') })).toBe(true)
    expect(outline(editor.state.doc).filter((l) => !l.startsWith('  '))).toEqual([
      '一、加强党的建设',
      '（一）落实责任',
      '1.压实责任。',
      '（二）加强校园安全管理',
      '2.排查校舍隐患。',
      '3.开展应急演练。',
      '（三）改进作风',
      '4.开展调研。',
    ])
    expectValid(editor)
  })

  it("puts pasted sub-sections right after the items of the caret's section, before its own sub-sections", () => {
    const editor = planEditor(sketchPlan([{ heading: '加强党的建设', items: ['压实责任。'], subsections: [{ heading: '改进作风', items: ['开展调研。'] }] }]))
    cursorAt(editor, '压实责任。', 2)
    expect(paste(editor, { text: '（一）加强校园安全管理\n1.排查校舍隐患。' })).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、加强党的建设', '1.压实责任。', '（一）加强校园安全管理', '2.排查校舍隐患。', '（二）改进作风', '3.开展调研。'])
    expectValid(editor)
  })

  it('from the preamble, puts pasted items in a section of their own before the first section', () => {
    const editor = draft()
    cursorAt(editor, '前言。', 3)
    expect(paste(editor, { text: '1.开展廉洁文化进校园。\n2.建好党员先锋岗。' })).toBe(true)
    const plan = expectValid(editor)
    expect(plan.sections.map((s) => [s.heading, s.items.map((i) => i.title)])).toEqual([
      ['', ['开展廉洁文化进校园。', '建好党员先锋岗。']],
      ['加强党的建设', ['落实主体责任。', '加强班子建设。']],
      ['推进教育公平', ['扩大学位供给。']],
    ])
  })

  it('replaces the selected words of a lead sentence before putting the items in', () => {
    const editor = draft()
    cursorAt(editor, '班子', 0)
    const from = editor.state.selection.from
    editor.commands.setTextSelection({ from, to: from + 2 })
    expect(paste(editor, { text: '1.开展廉洁文化进校园。\n2.建好党员先锋岗。' })).toBe(true)
    expect(outline(editor.state.doc)).toContain('2.加强建设。')
    expectValid(editor)
  })

  it('leaves pastes into the cover notice and across paragraphs to the editor', () => {
    const plan = sketchPlan([{ heading: '加强党的建设', items: ['落实主体责任。'] }])
    plan.notice = { addressee: '各学校', body: ['现将要点印发给你们。'] }
    const editor = planEditor(plan)
    cursorAt(editor, '现将要点', 2)
    expect(paste(editor, { text: '1.开展廉洁文化进校园。\n2.建好党员先锋岗。' })).toBe(false)
    cursorAt(editor, '前言。', 0)
    const from = editor.state.selection.from
    cursorAt(editor, '落实主体责任。', 2)
    editor.commands.setTextSelection({ from, to: editor.state.selection.from })
    expect(paste(editor, { text: '1.开展廉洁文化进校园。' })).toBe(false)
  })

  it('names the limit a paste would break, so that nothing is pasted rather than the server refusing it', () => {
    const editor = draft()
    cursorAt(editor, '加强班子建设。', 3)
    const small = pastePlanTransaction(editor.state, readPaste({ text: '1.开展读书月活动。' }) ?? fail())
    expect(small && pasteLimitProblem(small)).toBeNull()
    const long = `1.开展读书月活动。${'每周读一本书。'.repeat(3000)}\n2.评选书香班级。`
    const big = pastePlanTransaction(editor.state, readPaste({ text: long }) ?? fail())
    expect(big && pasteLimitProblem(big)).toBe('粘贴的内容太多，没有粘贴：一条要点超过上限（20000 字）')
  })
})

function fail(): never {
  throw new Error('the paste was not read as a piece of a plan')
}

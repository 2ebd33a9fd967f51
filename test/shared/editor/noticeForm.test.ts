import type { Editor } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { describe, expect, it } from 'vitest'
import { pmToPlan } from '../../../shared/editor/convert/pmToPlan.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { cursorAt, cursorInEmpty, cursorPlace, planEditor, press, sketchPlan } from './planEditor.ts'

/** A plan with a cover notice (no date, as 结转 leaves it) and a closing. */
function noticePlan(): Plan {
  return {
    ...sketchPlan([{ heading: '甲', items: ['一号。'] }]),
    notice: { docNumber: '闵教〔2026〕1号', addressee: '各中小学', body: ['现将要点印发给你们。', '请认真贯彻。'], issuer: '闵行区教育局' },
    closing: { issuer: '闵行区教育局' },
  }
}

/** Pastes a slice through the editor's paste handlers, as a browser would (true when one took it). */
function paste(editor: Editor, slice: Slice): boolean {
  const view = {
    get state() {
      return editor.state
    },
    dispatch: (tr: Transaction) => editor.view.dispatch(tr),
  } as unknown as EditorView
  return editor.state.plugins.some((plugin) => plugin.props.handlePaste?.call(plugin, view, new Event('paste') as ClipboardEvent, slice) === true)
}

/** The notice's lines as "role:text". */
function noticeLines(editor: Editor): string[] {
  const notice = editor.state.doc.child(0)
  const lines: string[] = []
  notice.forEach((l) => lines.push(`${String(l.attrs.role)}:${l.textContent}`))
  return lines
}

describe('the cover notice edits as a form', () => {
  it('shows every part as its own line in print order, 发文字号 above the title, empty parts included', () => {
    const editor = planEditor(noticePlan())
    expect(noticeLines(editor)).toEqual(['docNumber:闵教〔2026〕1号', 'title:', 'addressee:各中小学', 'body:现将要点印发给你们。', 'body:请认真贯彻。', 'attachment:', 'issuer:闵行区教育局', 'date:'])
  })

  it('reads back the same plan: empty parts stay absent', () => {
    const plan = noticePlan()
    expect(pmToPlan(planEditor(plan).getJSON()).notice).toEqual(plan.notice)
    expect(pmToPlan(planEditor(plan).getJSON()).closing).toEqual(plan.closing)
  })

  it('Enter at the end of the issuer goes to the date line without changing any text', () => {
    const editor = planEditor(noticePlan())
    const before = noticeLines(editor)
    cursorAt(editor, '闵行区教育局', 6)
    expect(press(editor, 'Enter')).toBe(true)
    expect(cursorPlace(editor)).toEqual({ block: 'noticeLine', text: '', offset: 0 })
    expect(editor.state.selection.$from.parent.attrs.role).toBe('date')
    expect(noticeLines(editor)).toEqual(before)
    editor.view.dispatch(editor.state.tr.insertText('2026年3月5日'))
    expect(pmToPlan(editor.getJSON()).notice?.date).toBe('2026年3月5日')
  })

  it('Enter in the middle of the addressee moves on to the body and never splits it', () => {
    const editor = planEditor(noticePlan())
    cursorAt(editor, '各中小学', 0)
    press(editor, 'Enter')
    expect(noticeLines(editor)[2]).toBe('addressee:各中小学')
    expect(cursorPlace(editor)).toEqual({ block: 'noticeLine', text: '现将要点印发给你们。', offset: 0 })
  })

  it('Enter in the date line leaves the notice for the plan title', () => {
    const editor = planEditor(noticePlan())
    cursorInEmpty(editor, 'noticeLine')
    // The first empty line is the title: Enter walks through 发文字号 and 主送 to the body.
    press(editor, 'Enter')
    press(editor, 'Enter')
    press(editor, 'Enter')
    expect(cursorPlace(editor).text).toBe('现将要点印发给你们。')
    cursorAt(editor, '闵行区教育局', 0)
    press(editor, 'Enter')
    expect(editor.state.selection.$from.parent.attrs.role).toBe('date')
    press(editor, 'Enter')
    expect(cursorPlace(editor).block).toBe('planTitle')
  })

  it('Enter after the issuer makes the date line again when it is missing', () => {
    const plan = noticePlan()
    const editor = planEditor(plan)
    // A stored document from before the form had no date line at all.
    const date = editor.state.doc.child(0).lastChild
    const end = editor.state.doc.child(0).nodeSize - 1
    if (date) editor.view.dispatch(editor.state.tr.delete(end - date.nodeSize, end))
    expect(noticeLines(editor).at(-1)).toBe('issuer:闵行区教育局')
    cursorAt(editor, '闵行区教育局', 6)
    press(editor, 'Enter')
    expect(noticeLines(editor).at(-1)).toBe('date:')
    expect(editor.state.selection.$from.parent.attrs.role).toBe('date')
  })

  it('body paragraphs split with Enter and join with Backspace', () => {
    const editor = planEditor(noticePlan())
    cursorAt(editor, '现将要点印发给你们。', 4)
    press(editor, 'Enter')
    expect(noticeLines(editor).slice(3, 6)).toEqual(['body:现将要点', 'body:印发给你们。', 'body:请认真贯彻。'])
    press(editor, 'Backspace')
    expect(noticeLines(editor).slice(3, 5)).toEqual(['body:现将要点印发给你们。', 'body:请认真贯彻。'])
  })

  it('Backspace at the start of the first body paragraph does not merge it into the addressee', () => {
    const editor = planEditor(noticePlan())
    const before = noticeLines(editor)
    cursorAt(editor, '现将要点印发给你们。', 0)
    press(editor, 'Backspace')
    expect(noticeLines(editor)).toEqual(before)
    expect(cursorPlace(editor)).toEqual({ block: 'noticeLine', text: '各中小学', offset: 4 })
  })

  it('Delete at the end of the issuer does not pull the date into it', () => {
    const editor = planEditor({ ...noticePlan(), notice: { ...noticePlan().notice!, date: '2026年3月5日' } })
    const before = noticeLines(editor)
    cursorAt(editor, '闵行区教育局', 6)
    press(editor, 'Delete')
    expect(noticeLines(editor)).toEqual(before)
  })

  it("the closing's issuer and date are both lines, and Enter moves from one to the other", () => {
    const editor = planEditor(noticePlan())
    const closing = editor.state.doc.lastChild
    expect(closing?.type.name).toBe('closing')
    expect(closing?.childCount).toBe(2)
    expect(closing?.child(1).attrs.role).toBe('date')
    const end = editor.state.doc.content.size - closing!.child(1).nodeSize - 2
    editor.commands.setTextSelection(end)
    expect(cursorPlace(editor)).toEqual({ block: 'noticeLine', text: '闵行区教育局', offset: 6 })
    press(editor, 'Enter')
    expect(editor.state.selection.$from.parent.attrs.role).toBe('date')
    expect(editor.state.doc.lastChild?.childCount).toBe(2)
  })

  it('pasting two paragraphs into the issuer keeps them on the issuer line', () => {
    const editor = planEditor(noticePlan())
    const lines = noticeLines(editor).length
    cursorAt(editor, '闵行区教育局', 6)
    const { schema } = editor.state
    const slice = new Slice(Fragment.from([schema.nodes.paragraph.create(null, schema.text('办公室')), schema.nodes.paragraph.create(null, schema.text('（代章）'))]), 1, 1)
    expect(paste(editor, slice)).toBe(true)
    expect(noticeLines(editor)).toHaveLength(lines)
    expect(noticeLines(editor)[6]).toBe('issuer:闵行区教育局办公室（代章）')
  })

  it('pasting into a body paragraph is left to the editor (paragraphs stay paragraphs)', () => {
    const editor = planEditor(noticePlan())
    cursorAt(editor, '请认真贯彻。', 0)
    const { schema } = editor.state
    const slice = new Slice(Fragment.from(schema.nodes.paragraph.create(null, schema.text('甲'))), 1, 1)
    expect(paste(editor, slice)).toBe(false)
  })
})

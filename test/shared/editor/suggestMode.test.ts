import type { Editor } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { numberLabels } from '../../../shared/editor/extensions/numberLabels.ts'
import { scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { baseView } from '../../../shared/review/suggestBase.ts'
import { cursorAt, planEditor, press, sketchPlan } from './planEditor.ts'

/**
 * A headless editor dispatches past the extensions' dispatchTransaction hooks (Tiptap composes them
 * only when it mounts a view), so they are composed here as a mounted editor does.
 */
export function withDispatchHooks(editor: Editor): Editor {
  const own = editor as unknown as { dispatchTransaction: (tr: Transaction) => void }
  own.dispatchTransaction = editor.extensionManager.dispatchTransaction(own.dispatchTransaction.bind(editor))
  return editor
}

function suggesting(): Editor {
  const editor = withDispatchHooks(
    planEditor(
      sketchPlan([
        { heading: '甲', items: ['一号标题。|正文一。', '二号标题。'] },
        { heading: '乙', items: ['三号标题。'] },
      ]),
    ),
  )
  editor.commands.setSuggestMode(true)
  return editor
}

/** Types as the browser does: insertText at the selection, with whatever marks the caret carries. */
function type(editor: Editor, text: string): void {
  editor.view.dispatch(editor.state.tr.insertText(text))
}

function backspace(editor: Editor, n = 1): void {
  for (let i = 0; i < n; i++) {
    const { from } = editor.state.selection
    editor.view.dispatch(editor.state.tr.delete(from - 1, from))
  }
}

const kinds = (editor: Editor): string[] => scanSuggestions(editor.state.doc).map((p) => `${p.kind}:${p.text}`)

describe('修订 mode in the editor', () => {
  it('marks typed text as one insertion while the base text stays as it was', () => {
    const editor = suggesting()
    const base = baseView(editor.state.doc)
    cursorAt(editor, '正文一。', 2)
    type(editor, '新')
    type(editor, '增')
    expect(kinds(editor)).toEqual(['insertion:新增'])
    expect(new Set(scanSuggestions(editor.state.doc).map((p) => p.id)).size).toBe(1)
    expect(baseView(editor.state.doc).eq(base)).toBe(true)
  })

  it('marks text as inserted even when the caret carried no mark (a paste)', () => {
    const editor = suggesting()
    cursorAt(editor, '正文一。', 2)
    const tr = editor.state.tr.setStoredMarks([]).replaceSelection(new Slice(Fragment.from(editor.schema.text('粘贴')), 0, 0))
    editor.view.dispatch(tr)
    expect(kinds(editor)).toEqual(['insertion:粘贴'])
  })

  it('strikes deleted text through instead of removing it, as one run, and leaves the caret before it', () => {
    const editor = suggesting()
    const base = baseView(editor.state.doc)
    cursorAt(editor, '正文一。', 3)
    backspace(editor, 2)
    expect(editor.state.doc.textContent).toContain('正文一。')
    expect(kinds(editor)).toEqual(['deletion:文一'])
    expect(baseView(editor.state.doc).eq(base)).toBe(true)
  })

  it('really removes the writer’s own inserted text when it is deleted', () => {
    const editor = suggesting()
    cursorAt(editor, '正文一。', 2)
    type(editor, '错字')
    backspace(editor, 2)
    expect(kinds(editor)).toEqual([])
    expect(editor.state.doc.textContent).toContain('正文一。')
  })

  it('turns typing over a selection into a deletion and an insertion of one suggestion', () => {
    const editor = suggesting()
    cursorAt(editor, '正文一。', 0)
    const from = editor.state.selection.from
    editor.commands.setTextSelection({ from, to: from + 2 })
    editor.view.dispatch(editor.state.tr.insertText('内容'))
    expect(kinds(editor)).toEqual(['deletion:正文', 'insertion:内容'])
    expect(new Set(scanSuggestions(editor.state.doc).map((p) => p.id)).size).toBe(1)
  })

  it('makes Enter add a suggested new item after the current one, whose text belongs to the same suggestion', () => {
    const editor = suggesting()
    const base = baseView(editor.state.doc)
    cursorAt(editor, '一号标题。', 2)
    expect(press(editor, 'Enter')).toBe(true)
    type(editor, '新条目。')
    const parts = scanSuggestions(editor.state.doc)
    expect(parts.map((p) => `${p.kind}:${p.node ?? ''}:${p.text}`)).toEqual(['insert:item:新条目。', 'insertion::新条目。'])
    expect(parts[0].id).toBe(parts[1].id)
    expect(editor.state.doc.textContent).toContain('一号标题。正文一。新条目。二号标题。')
    expect(baseView(editor.state.doc).eq(base)).toBe(true)
  })

  it('numbers a suggested new item （新增） and leaves the numbers of the others as they were', () => {
    const editor = suggesting()
    const before = numberLabels(editor.state.doc).map((l) => l.label)
    cursorAt(editor, '一号标题。')
    press(editor, 'Enter')
    type(editor, '新条目。')
    const labels = numberLabels(editor.state.doc).map((l) => l.label)
    expect(labels.filter((l) => l !== '（新增）')).toEqual(before)
    expect(labels).toContain('（新增）')
  })

  it('marks a deleted item instead of removing it, and a moved item as a move with its old place kept', () => {
    const editor = suggesting()
    const base = baseView(editor.state.doc)
    cursorAt(editor, '二号标题。')
    editor.commands.deletePlanItem()
    expect(kinds(editor)).toEqual(['delete:二号标题。'])
    cursorAt(editor, '一号标题。')
    editor.commands.movePlanItemDown()
    const parts = scanSuggestions(editor.state.doc).filter((p) => p.text.startsWith('一号'))
    expect(parts.map((p) => p.kind).sort()).toEqual(['delete', 'move'])
    expect(parts[0].id).toBe(parts[1].id)
    expect(baseView(editor.state.doc).eq(base)).toBe(true)
  })

  it('does nothing to the text when Backspace at the start of an item would join it to the one before', () => {
    const editor = suggesting()
    const before = editor.state.doc
    cursorAt(editor, '二号标题。')
    press(editor, 'Backspace')
    expect(baseView(editor.state.doc).eq(baseView(before))).toBe(true)
  })

  it('keeps a carried item’s flag when a suggestion is typed in it (a suggestion is no edit until accepted)', () => {
    const editor = suggesting()
    cursorAt(editor, '正文一。')
    const itemPos = editor.state.selection.$from.before(2)
    editor.commands.setSuggestMode(false)
    editor.view.dispatch(editor.state.tr.setNodeAttribute(itemPos, 'carried', true))
    editor.commands.setSuggestMode(true)
    cursorAt(editor, '正文一。', 1)
    type(editor, '新')
    backspace(editor, 2)
    expect(editor.state.doc.nodeAt(itemPos)?.attrs.carried).toBe(true)
  })

  it('does not let an editor’s typing at the end of a suggestion join it once 修订 mode is off', () => {
    const editor = suggesting()
    cursorAt(editor, '正文一。', 2)
    type(editor, '建议')
    editor.commands.setSuggestMode(false)
    type(editor, '直接')
    expect(kinds(editor)).toEqual(['insertion:建议'])
    expect(editor.state.doc.textContent).toContain('正文建议直接一。')
  })

  it('edits normally again once 修订 mode is off', () => {
    const editor = suggesting()
    editor.commands.setSuggestMode(false)
    cursorAt(editor, '正文一。', 2)
    type(editor, '直接')
    expect(kinds(editor)).toEqual([])
    expect(editor.state.doc.textContent).toContain('正文直接一。')
  })
})

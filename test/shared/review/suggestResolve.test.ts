import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { decideSuggestions } from '../../../shared/review/suggestDecide.ts'
import { describe, expect, it } from 'vitest'
import { acceptedView, baseView } from '../../../shared/review/suggestBase.ts'
import { byIds, bySuggestion, everySuggestion, inItem } from '../../../shared/review/suggestResolve.ts'
import { listSuggestions, scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { cursorAt, planEditor, press, sketchPlan } from '../editor/planEditor.ts'

function withDispatchHooks(editor: Editor): Editor {
  const own = editor as unknown as { dispatchTransaction: (tr: Transaction) => void }
  own.dispatchTransaction = editor.extensionManager.dispatchTransaction(own.dispatchTransaction.bind(editor))
  return editor
}

/** A plan with four suggestions: an insertion, a deletion, a new item and a deleted item; returns their ids in that order. */
function reviewed(): { editor: Editor; ids: string[] } {
  const editor = withDispatchHooks(
    planEditor(
      sketchPlan([
        { heading: '甲', items: ['一号标题。|正文一。', '二号标题。'] },
        { heading: '乙', items: ['三号标题。'] },
      ]),
    ),
  )
  editor.commands.setSuggestMode(true)
  const ids: string[] = []
  const latest = (): string => scanSuggestions(editor.state.doc).find((p) => !ids.includes(p.id))?.id ?? ''
  cursorAt(editor, '正文一。', 2)
  editor.view.dispatch(editor.state.tr.insertText('新增'))
  ids.push(latest())
  cursorAt(editor, '三号标题。', 0)
  const from = editor.state.selection.from
  editor.view.dispatch(editor.state.tr.delete(from, from + 2))
  ids.push(latest())
  cursorAt(editor, '二号标题。', 1)
  press(editor, 'Enter')
  editor.view.dispatch(editor.state.tr.insertText('新条目。'))
  ids.push(latest())
  cursorAt(editor, '一号标题。')
  editor.commands.deletePlanItem()
  ids.push(latest())
  editor.commands.setSuggestMode(false)
  return { editor, ids }
}

const text = (editor: Editor): string => editor.state.doc.textContent

describe('accepting and rejecting suggestions', () => {
  it('finds the four suggestions the reviewer made', () => {
    const { editor, ids } = reviewed()
    expect(new Set(ids).size).toBe(4)
    expect(listSuggestions(editor.state.doc).map((s) => s.id)).toEqual([ids[3], ids[0], ids[2], ids[1]])
  })

  it('accepts one insertion: its text stays, unmarked, and the others stay open', () => {
    const { editor, ids } = reviewed()
    expect(decideSuggestions(editor.view, bySuggestion(ids[0]), 'accept')).toBe(true)
    expect(text(editor)).toContain('正文新增一。')
    expect(
      listSuggestions(editor.state.doc)
        .map((s) => s.id)
        .sort(),
    ).toEqual([ids[1], ids[2], ids[3]].sort())
  })

  it('rejects one insertion: its text goes', () => {
    const { editor, ids } = reviewed()
    decideSuggestions(editor.view, bySuggestion(ids[0]), 'reject')
    expect(text(editor)).toContain('正文一。')
    expect(text(editor)).not.toContain('新增')
  })

  it('accepts a deletion (the text goes) and rejects one (the text stays, unmarked)', () => {
    const accepted = reviewed()
    decideSuggestions(accepted.editor.view, bySuggestion(accepted.ids[1]), 'accept')
    expect(text(accepted.editor)).toContain('乙标题。')
    const rejected = reviewed()
    decideSuggestions(rejected.editor.view, bySuggestion(rejected.ids[1]), 'reject')
    expect(text(rejected.editor)).toContain('乙三号标题。')
    expect(scanSuggestions(rejected.editor.state.doc).some((p) => p.id === rejected.ids[1])).toBe(false)
  })

  it('accepts a new item and a deleted item, and rejects them back to the base text', () => {
    const a = reviewed()
    decideSuggestions(a.editor.view, byIds(new Set([a.ids[2], a.ids[3]])), 'accept')
    expect(text(a.editor)).toContain('甲二号标题。新条目。乙')
    expect(text(a.editor)).not.toContain('一号标题')
    const r = reviewed()
    decideSuggestions(r.editor.view, byIds(new Set([r.ids[2], r.ids[3]])), 'reject')
    expect(text(r.editor)).toContain('甲一号标题。正文新增一。二号标题。乙')
  })

  it('decides all suggestions in one item', () => {
    const { editor, ids } = reviewed()
    const itemId = scanSuggestions(editor.state.doc).find((p) => p.id === ids[0])?.itemId ?? ''
    decideSuggestions(editor.view, inItem(editor.state.doc, itemId), 'reject')
    // The item holds the insertion and is itself suggested for deletion: both are rejected.
    expect(text(editor)).toContain('甲一号标题。正文一。二号标题。')
    expect(
      listSuggestions(editor.state.doc)
        .map((s) => s.id)
        .sort(),
    ).toEqual([ids[1], ids[2]].sort())
  })

  it('清稿: accepting all leaves no marks and no suggestion attributes, in one transaction, equal to the accepted view', () => {
    const { editor } = reviewed()
    const expected = acceptedView(editor.state.doc)
    let transactions = 0
    editor.on('transaction', ({ transaction }) => {
      if (transaction.docChanged) transactions++
    })
    decideSuggestions(editor.view, everySuggestion, 'accept')
    expect(transactions).toBe(1)
    expect(JSON.stringify(editor.getJSON())).not.toMatch(/"marks"|"suggestion":"/)
    expect(editor.state.doc.eq(expected)).toBe(true)
  })

  it('rejecting all gives back the base view', () => {
    const { editor } = reviewed()
    const base = baseView(editor.state.doc)
    decideSuggestions(editor.view, everySuggestion, 'reject')
    expect(editor.state.doc.eq(base)).toBe(true)
    expect(text(editor)).toContain('甲一号标题。正文一。二号标题。乙三号标题。')
  })

  it('accepting a move keeps the item at its new place under its old id; rejecting puts it back', () => {
    const make = (): { editor: Editor } => {
      const editor = withDispatchHooks(planEditor(sketchPlan([{ heading: '甲', items: ['一号标题。', '二号标题。'] }])))
      editor.commands.setSuggestMode(true)
      cursorAt(editor, '一号标题。')
      editor.commands.movePlanItemDown()
      editor.commands.setSuggestMode(false)
      return { editor }
    }
    const itemIds = (editor: Editor): string[] => {
      const out: string[] = []
      editor.state.doc.descendants((n) => {
        if (n.type.name === 'item') out.push(`${n.textContent}@${String(n.attrs.id)}`)
      })
      return out
    }
    const a = make()
    const before = itemIds(a.editor).find((s) => s.startsWith('一号'))
    decideSuggestions(a.editor.view, everySuggestion, 'accept')
    expect(itemIds(a.editor).map((s) => s.split('@')[0])).toEqual(['二号标题。', '一号标题。'])
    expect(itemIds(a.editor)[1]).toBe(before)
    const r = make()
    decideSuggestions(r.editor.view, everySuggestion, 'reject')
    expect(itemIds(r.editor).map((s) => s.split('@')[0])).toEqual(['一号标题。', '二号标题。'])
  })
})

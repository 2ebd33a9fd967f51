import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { Transform } from '@tiptap/pm/transform'
import { describe, expect, it } from 'vitest'
import { decideSuggestions } from '../../../shared/review/suggestDecide.ts'
import { inferDecisions } from '../../../shared/review/suggestDecisions.ts'
import { bySuggestion, everySuggestion, resolveSuggestions } from '../../../shared/review/suggestResolve.ts'
import { scanSuggestions } from '../../../shared/review/suggestScan.ts'
import { cursorAt, planEditor, press, sketchPlan } from '../editor/planEditor.ts'

function withDispatchHooks(editor: Editor): Editor {
  const own = editor as unknown as { dispatchTransaction: (tr: Transaction) => void }
  own.dispatchTransaction = editor.extensionManager.dispatchTransaction(own.dispatchTransaction.bind(editor))
  return editor
}

/** A plan with four suggestions: an insertion, a deletion, a new item and a deleted item; their ids in that order. */
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

/** What the 修订 panel's button does to one suggestion: the document before and after. */
function decideOne(which: number, decision: 'accept' | 'reject'): { before: PMNode; after: PMNode; id: string; ids: string[] } {
  const { editor, ids } = reviewed()
  const before = editor.state.doc
  decideSuggestions(editor.view, bySuggestion(ids[which]), decision)
  return { before, after: editor.state.doc, id: ids[which], ids }
}

const outcomes = (before: PMNode, after: PMNode): Record<string, string> => Object.fromEntries(inferDecisions(before, after).map((d) => [d.id, d.decision]))

describe('inferring accept and reject from the document before and after an editor’s update', () => {
  it('reads each kind of suggestion accepted and rejected through the 修订 panel', () => {
    for (let i = 0; i < 4; i++) {
      for (const decision of ['accept', 'reject'] as const) {
        const { before, after, id, ids } = decideOne(i, decision)
        const expected: Record<string, string> = { [id]: decision === 'accept' ? 'accepted' : 'rejected' }
        // Accepting the deleted item takes the words suggested inside it along; accepting both gives the same text, so they go with it.
        if (i === 3 && decision === 'accept') expected[ids[0]] = 'accepted'
        expect(outcomes(before, after), `suggestion ${i} ${decision}`).toEqual(expected)
      }
    }
  })

  it('reads 清稿 (accept all) as every suggestion accepted, with what each proposed and where', () => {
    const { editor, ids } = reviewed()
    const before = editor.state.doc
    decideSuggestions(editor.view, everySuggestion, 'accept')
    const found = inferDecisions(before, editor.state.doc)
    expect(found.map((d) => d.decision)).toEqual(['accepted', 'accepted', 'accepted', 'accepted'])
    expect(new Set(found.map((d) => d.id))).toEqual(new Set(ids))
    const insertion = found.find((d) => d.id === ids[0])
    expect(insertion?.suggestion.parts.map((p) => [p.kind, p.text])).toEqual([['insertion', '新增']])
    expect(insertion?.suggestion.itemIds).toHaveLength(1)
  })

  it('judges each suggestion on its own when one update accepts one and rejects another', () => {
    const { editor, ids } = reviewed()
    const before = editor.state.doc
    const tr = new Transform(before)
    resolveSuggestions(tr, bySuggestion(ids[0]), 'accept')
    resolveSuggestions(tr, bySuggestion(ids[1]), 'reject')
    expect(outcomes(before, tr.doc)).toEqual({ [ids[0]]: 'accepted', [ids[1]]: 'rejected' })
  })

  it('reads inserted words deleted by hand (marks gone with the words) as rejected', () => {
    const { editor, ids } = reviewed()
    const before = editor.state.doc
    const part = scanSuggestions(before).find((p) => p.id === ids[0])!
    const tr = new Transform(before).delete(part.from, part.to)
    expect(outcomes(before, tr.doc)).toEqual({ [ids[0]]: 'rejected' })
  })

  it('finds no decision in an update that leaves every suggestion open or only adds one', () => {
    const { editor } = reviewed()
    const before = editor.state.doc
    cursorAt(editor, '二号标题。', 0)
    editor.view.dispatch(editor.state.tr.insertText('普通输入'))
    expect(inferDecisions(before, editor.state.doc)).toEqual([])
  })

  it('reads a move accepted (the item at its new place) and rejected (back where it was)', () => {
    for (const decision of ['accept', 'reject'] as const) {
      const editor = withDispatchHooks(planEditor(sketchPlan([{ heading: '甲', items: ['一号标题。', '二号标题。', '三号标题。'] }])))
      editor.commands.setSuggestMode(true)
      cursorAt(editor, '一号标题。')
      editor.commands.movePlanItemDown()
      editor.commands.setSuggestMode(false)
      const before = editor.state.doc
      const id = scanSuggestions(before)[0].id
      // Judged alone too: the same move decided inside a transform that also types elsewhere.
      const tr = new Transform(before)
      resolveSuggestions(tr, everySuggestion, decision)
      const plain = tr.doc
      tr.insert(tr.doc.content.size - 3, before.type.schema.text('另'))
      const expected = decision === 'accept' ? 'accepted' : 'rejected'
      expect(outcomes(before, plain)).toEqual({ [id]: expected })
      expect(outcomes(before, tr.doc)).toEqual({ [id]: expected })
    }
  })
})

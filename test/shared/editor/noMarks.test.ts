import { describe, expect, it } from 'vitest'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { cursorAt, planEditor, press, sketchPlan } from './planEditor.ts'

describe('the plan schema offers no character formatting', () => {
  it('has no bold or italic mark, because Plan JSON, the diff and the export would drop them', () => {
    expect(Object.keys(planSchema().marks)).toEqual([])
  })

  it('leaves the text unchanged when Ctrl+B or Ctrl+I is pressed over a selection', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。|正文一。'] }]))
    cursorAt(editor, '正文一。')
    editor.commands.setTextSelection({ from: editor.state.selection.from, to: editor.state.selection.from + 2 })
    const before = editor.state.doc
    press(editor, 'Mod-b')
    press(editor, 'Mod-i')
    expect(editor.state.doc.eq(before)).toBe(true)
    expect(JSON.stringify(editor.getJSON())).not.toContain('marks')
  })
})

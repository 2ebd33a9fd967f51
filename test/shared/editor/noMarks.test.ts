import { describe, expect, it } from 'vitest'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { cursorAt, planEditor, press, sketchPlan } from './planEditor.ts'

describe('the plan schema offers no character formatting', () => {
  it('has only the review marks (批注 and 修订), no bold or italic, because Plan JSON, the diff and the export would drop them', () => {
    expect(Object.keys(planSchema().marks).sort()).toEqual(['comment', 'deletion', 'insertion'])
  })

  it('lets every text-bearing node carry the review marks', () => {
    const schema = planSchema()
    for (const name of ['itemTitle', 'paragraph', 'sectionHeading', 'subsectionHeading', 'planTitle', 'noticeLine']) {
      for (const mark of ['comment', 'insertion', 'deletion']) expect(schema.nodes[name].allowsMarkType(schema.marks[mark]), `${mark} in ${name}`).toBe(true)
    }
  })

  it('gives items, sections and sub-sections an optional structural suggestion attribute', () => {
    const schema = planSchema()
    for (const name of ['item', 'section', 'subsection']) expect(schema.nodes[name].spec.attrs, name).toHaveProperty('suggestion')
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

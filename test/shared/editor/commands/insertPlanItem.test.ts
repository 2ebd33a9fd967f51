import { describe, expect, it } from 'vitest'
import { itemContainers } from '../../../../shared/editor/commands/itemContainers.ts'
import { cursorAt, cursorPlace, outline, planEditor, sketchPlan } from '../planEditor.ts'

const plan = () =>
  sketchPlan([
    { heading: '甲', items: ['一号。|正文一。', '二号。'] },
    { heading: '乙', items: ['三号。'] },
  ])

describe('insertPlanItem', () => {
  it('inserts an empty item after the current one and renumbers every later item', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '正文一', 1)
    expect(editor.commands.insertPlanItem()).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '2.', '3.二号。', '二、乙', '4.三号。'])
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '', offset: 0 })
  })

  it('gives the new item an id of its own', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '一号。')
    editor.commands.insertPlanItem()
    const ids = itemContainers(editor.state.doc).flatMap((c) => c.items.map((it) => it.node.attrs.id as string))
    expect(new Set(ids).size).toBe(4)
    expect(ids[1]).toMatch(/^i[0-9a-z]{12}$/)
  })

  it("from a section heading, inserts the section's first item", () => {
    const editor = planEditor(plan())
    cursorAt(editor, '乙', 1)
    editor.commands.insertPlanItem()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '2.二号。', '二、乙', '3.', '4.三号。'])
  })

  it("from the preamble, inserts the plan's first item", () => {
    const editor = planEditor(plan())
    cursorAt(editor, '前言')
    editor.commands.insertPlanItem()
    expect(outline(editor.state.doc).slice(0, 3)).toEqual(['一、甲', '1.', '2.一号。'])
  })

  it('refuses when the plan has no section to hold an item', () => {
    const editor = planEditor(sketchPlan([]))
    cursorAt(editor, '前言')
    expect(editor.commands.insertPlanItem()).toBe(false)
  })
})

describe('insertPlanSection', () => {
  it('inserts a section with an empty heading and item after the current section, renumbering later ones', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。')
    expect(editor.commands.insertPlanSection()).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '2.二号。', '二、', '3.', '三、乙', '4.三号。'])
    expect(cursorPlace(editor)).toEqual({ block: 'sectionHeading', text: '', offset: 0 })
  })

  it('from the preamble, inserts the first section', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '前言')
    editor.commands.insertPlanSection()
    expect(outline(editor.state.doc).slice(0, 3)).toEqual(['一、', '1.', '二、甲'])
  })

  it('inserts the first section of a plan that has none', () => {
    const editor = planEditor(sketchPlan([]))
    cursorAt(editor, '测试')
    editor.commands.insertPlanSection()
    expect(outline(editor.state.doc)).toEqual(['一、', '1.'])
  })
})

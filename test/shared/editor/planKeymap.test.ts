import { describe, expect, it } from 'vitest'
import { cursorAt, cursorInEmpty, cursorPlace, outline, planEditor, press, sketchPlan } from './planEditor.ts'

const plan = () => sketchPlan([{ heading: '甲', items: ['一号。|正文一。', '二号。'] }, { heading: '乙', items: ['三号。'] }, { heading: '丙' }])

describe('PlanKeymap: Enter', () => {
  it('at the end of a lead sentence without a body, starts the body', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。', 3)
    expect(press(editor, 'Enter')).toBe(true)
    expect(cursorPlace(editor)).toEqual({ block: 'paragraph', text: '', offset: 0 })
    expect(outline(editor.state.doc).slice(3, 5)).toEqual(['2.二号。', '  '])
  })

  it('at the end of a lead sentence with a body, goes to the start of the body without adding a line', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '一号。', 3)
    press(editor, 'Enter')
    expect(cursorPlace(editor)).toEqual({ block: 'paragraph', text: '正文一。', offset: 0 })
    expect(outline(editor.state.doc)).toEqual(outline(planEditor(plan()).state.doc))
  })

  it('in the middle of a lead sentence, moves the rest of it into the body', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。', 1)
    press(editor, 'Enter')
    expect(outline(editor.state.doc).slice(3, 5)).toEqual(['2.二', '  号。'])
  })

  it("in a section heading, goes to the section's first item", () => {
    const editor = planEditor(plan())
    cursorAt(editor, '乙', 0)
    press(editor, 'Enter')
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '三号。', offset: 0 })
    expect(outline(editor.state.doc)[4]).toBe('二、乙')
  })

  it('in the heading of a section without items, makes its first item', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '丙', 1)
    press(editor, 'Enter')
    expect(outline(editor.state.doc).slice(-2)).toEqual(['三、丙', '4.'])
    expect(cursorPlace(editor).block).toBe('itemTitle')
  })

  it('in the title, goes to the preamble', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '测试工作要点', 2)
    press(editor, 'Enter')
    expect(cursorPlace(editor)).toEqual({ block: 'paragraph', text: '前言。', offset: 0 })
    expect(editor.state.doc.child(0).textContent).toBe('测试工作要点')
  })

  it('on an empty last body paragraph, removes it and starts the next item', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。', 3)
    press(editor, 'Enter')
    press(editor, 'Enter')
    expect(outline(editor.state.doc).slice(3, 6)).toEqual(['2.二号。', '3.', '二、乙'])
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '', offset: 0 })
  })
})

describe('PlanKeymap: structure shortcuts', () => {
  it('Mod-Enter inserts an item and Mod-Shift-Enter a section', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '一号。')
    press(editor, 'Mod-Enter')
    expect(outline(editor.state.doc).slice(1, 5)).toEqual(['1.一号。', '  正文一。', '2.', '3.二号。'])
    press(editor, 'Mod-Shift-Enter')
    expect(outline(editor.state.doc).slice(5, 7)).toEqual(['二、', '4.'])
  })

  it('Alt-ArrowUp and Alt-ArrowDown move the item', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '三号。')
    press(editor, 'Alt-ArrowUp')
    expect(outline(editor.state.doc).slice(3, 6)).toEqual(['2.二号。', '3.三号。', '二、乙'])
    press(editor, 'Alt-ArrowDown')
    press(editor, 'Alt-ArrowDown')
    expect(outline(editor.state.doc).slice(-2)).toEqual(['三、丙', '3.三号。'])
  })
})

describe('PlanKeymap: Backspace and Delete keep the structure', () => {
  it('Backspace at the start of a lead sentence moves to the end of the text before and changes nothing', () => {
    const editor = planEditor(plan())
    const before = editor.state.doc
    cursorAt(editor, '二号。')
    expect(press(editor, 'Backspace')).toBe(true)
    expect(editor.state.doc.eq(before)).toBe(true)
    expect(cursorPlace(editor)).toEqual({ block: 'paragraph', text: '正文一。', offset: 4 })
  })

  it('Backspace in an empty item removes the item', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。')
    press(editor, 'Mod-Enter')
    expect(outline(editor.state.doc)).toHaveLength(8)
    press(editor, 'Backspace')
    expect(outline(editor.state.doc)).toEqual(outline(planEditor(plan()).state.doc))
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '二号。', offset: 3 })
  })

  it('Backspace in an empty new section removes the section', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。')
    press(editor, 'Mod-Shift-Enter')
    press(editor, 'Backspace')
    expect(outline(editor.state.doc)).toEqual(outline(planEditor(plan()).state.doc))
  })

  it('Backspace at the start of a heading with text keeps it', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '乙')
    press(editor, 'Backspace')
    expect(outline(editor.state.doc)[4]).toBe('二、乙')
  })

  it('Delete in an empty lead sentence removes the empty item and never leaves an item without one', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。')
    press(editor, 'Mod-Enter')
    expect(press(editor, 'Delete')).toBe(true)
    expect(outline(editor.state.doc)).toEqual(outline(planEditor(plan()).state.doc))
  })

  it('Delete in an empty heading keeps the heading', () => {
    const editor = planEditor(plan())
    cursorAt(editor, '二号。')
    press(editor, 'Mod-Shift-Enter')
    cursorInEmpty(editor, 'sectionHeading')
    expect(press(editor, 'Delete')).toBe(true)
    expect(outline(editor.state.doc).slice(4, 6)).toEqual(['二、', '3.'])
  })
})

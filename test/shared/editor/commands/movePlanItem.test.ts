import { describe, expect, it } from 'vitest'
import { itemContainers } from '../../../../shared/editor/commands/itemContainers.ts'
import { cursorAt, cursorPlace, outline, planEditor, sketchPlan } from '../planEditor.ts'

const twoSections = () =>
  planEditor(sketchPlan([{ heading: '甲', items: ['一号。|正文一。', '二号。'] }, { heading: '乙', items: ['三号。'], subsections: [{ heading: '子', items: ['四号。'] }] }, { heading: '丙' }]))

describe('movePlanItemUp / movePlanItemDown', () => {
  it('moves an item past its neighbour, renumbers both and keeps the cursor where it was inside the item', () => {
    const editor = twoSections()
    cursorAt(editor, '二号。', 1)
    expect(editor.commands.movePlanItemUp()).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.二号。', '2.一号。', '  正文一。', '二、乙', '3.三号。', '（一）子', '4.四号。', '三、丙'])
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '二号。', offset: 1 })
  })

  it('moves the first item of a section up to the end of the previous section', () => {
    const editor = twoSections()
    cursorAt(editor, '三号。')
    editor.commands.movePlanItemUp()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '2.二号。', '3.三号。', '二、乙', '（一）子', '4.四号。', '三、丙'])
  })

  it('moves the last item of a section down into the start of the next section', () => {
    const editor = twoSections()
    cursorAt(editor, '正文一', 2)
    editor.commands.movePlanItemDown()
    editor.commands.movePlanItemDown()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.二号。', '二、乙', '2.一号。', '  正文一。', '3.三号。', '（一）子', '4.四号。', '三、丙'])
    expect(cursorPlace(editor)).toEqual({ block: 'paragraph', text: '正文一。', offset: 2 })
  })

  it("moves a section's last own item down into its first sub-section", () => {
    const editor = twoSections()
    cursorAt(editor, '三号。')
    editor.commands.movePlanItemDown()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '2.二号。', '二、乙', '（一）子', '3.三号。', '4.四号。', '三、丙'])
  })

  it('moves the last item down into an empty section', () => {
    const editor = twoSections()
    cursorAt(editor, '四号。')
    expect(editor.commands.movePlanItemDown()).toBe(true)
    expect(outline(editor.state.doc).slice(-3)).toEqual(['（一）子', '三、丙', '4.四号。'])
  })

  it('does nothing for the first item moving up or outside items', () => {
    const editor = twoSections()
    cursorAt(editor, '一号。')
    expect(editor.commands.movePlanItemUp()).toBe(false)
    cursorAt(editor, '前言')
    expect(editor.commands.movePlanItemDown()).toBe(false)
    expect(outline(editor.state.doc)[1]).toBe('1.一号。')
  })

  it('keeps the moved item its id and carried flag', () => {
    const plan = sketchPlan([{ heading: '甲', items: ['一号。', '二号。'] }])
    plan.sections[0].items[1].carried = true
    const editor = planEditor(plan)
    const id = plan.sections[0].items[1].id
    cursorAt(editor, '二号。')
    editor.commands.movePlanItemUp()
    const first = itemContainers(editor.state.doc)[0].items[0].node
    expect(first.attrs).toEqual({ id, carried: true, suggestion: null })
  })
})

describe('movePlanItemToSection', () => {
  it('moves the current item to the end of another section', () => {
    const editor = twoSections()
    const target = itemContainers(editor.state.doc)[1].id ?? ''
    cursorAt(editor, '一号。')
    expect(editor.commands.movePlanItemToSection(target)).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.二号。', '二、乙', '2.三号。', '3.一号。', '  正文一。', '（一）子', '4.四号。', '三、丙'])
  })

  it('moves an item to the start of a sub-section', () => {
    const editor = twoSections()
    const sub = itemContainers(editor.state.doc).find((c) => c.kind === 'subsection')?.id ?? ''
    cursorAt(editor, '二号。')
    editor.commands.movePlanItemToSection(sub, 'start')
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '二、乙', '2.三号。', '（一）子', '3.二号。', '4.四号。', '三、丙'])
  })

  it('refuses an unknown section id', () => {
    const editor = twoSections()
    cursorAt(editor, '二号。')
    expect(editor.commands.movePlanItemToSection('nope')).toBe(false)
  })
})

describe('movePlanItem', () => {
  it('refuses a target inside a text block', () => {
    const editor = twoSections()
    const [first] = itemContainers(editor.state.doc)[0].items
    expect(editor.commands.movePlanItem(first.pos, first.pos + first.node.nodeSize + 3)).toBe(false)
  })

  it('moves an item given by position to the end of another section, as a drop does', () => {
    const editor = twoSections()
    const containers = itemContainers(editor.state.doc)
    const [first] = containers[0].items
    expect(editor.commands.movePlanItem(first.pos, containers[3].itemsEnd)).toBe(true)
    expect(outline(editor.state.doc).slice(-3)).toEqual(['三、丙', '4.一号。', '  正文一。'])
  })
})

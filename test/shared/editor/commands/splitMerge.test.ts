import { describe, expect, it } from 'vitest'
import { itemContainers } from '../../../../shared/editor/commands/itemContainers.ts'
import { cursorAt, cursorPlace, outline, planEditor, sketchPlan } from '../planEditor.ts'

describe('splitPlanItem', () => {
  it('split in the lead sentence: the rest of the sentence and the whole body make the new item', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['加强师资队伍建设。|实施名师工程。'] }]))
    cursorAt(editor, '师资', 2)
    expect(editor.commands.splitPlanItem()).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.加强师资', '2.队伍建设。', '  实施名师工程。'])
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '队伍建设。', offset: 0 })
  })

  it('split in the body: the next sentence becomes the new lead sentence and the rest its body', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['推进学前教育。|新增托班20个。 完善托育服务。确保50%以上幼儿园开设托班。'] }]))
    cursorAt(editor, '新增托班20个。', 8)
    editor.commands.splitPlanItem()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.推进学前教育。', '  新增托班20个。', '2.完善托育服务。', '  确保50%以上幼儿园开设托班。'])
  })

  it('keeps the paragraphs after the cursor in the new item and those before in the first', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。|第一段。\n第二段前半。第二段后半。\n第三段。'] }]))
    cursorAt(editor, '第二段后半')
    editor.commands.splitPlanItem()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  第一段。', '  第二段前半。', '2.第二段后半。', '  第三段。'])
  })

  it('leaves no empty paragraph behind when splitting at the start of a body paragraph', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。|第一段。\n第二段。'] }]))
    cursorAt(editor, '第二段。')
    editor.commands.splitPlanItem()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  第一段。', '2.第二段。'])
  })

  it('refuses to split at the very start of an item', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。'] }]))
    cursorAt(editor, '一号。')
    expect(editor.commands.splitPlanItem()).toBe(false)
  })

  it('gives the new item a fresh id and keeps the old id on the first half', () => {
    const plan = sketchPlan([{ heading: '甲', items: ['一号二号。'] }])
    const editor = planEditor(plan)
    cursorAt(editor, '二号')
    editor.commands.splitPlanItem()
    const [a, b] = itemContainers(editor.state.doc)[0].items.map((it) => it.node.attrs.id as string)
    expect(a).toBe(plan.sections[0].items[0].id)
    expect(b).not.toBe(a)
  })
})

describe('mergePlanItemWithNext', () => {
  it("joins the next item's lead sentence and first paragraph into one body paragraph, as they print", () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。|正文一。', '二号。|正文二。', '三号。'] }]))
    cursorAt(editor, '一号。')
    expect(editor.commands.mergePlanItemWithNext()).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  正文一。', '  二号。正文二。', '2.三号。'])
  })

  it('merges the last item of a section with the first item of the next section', () => {
    const editor = planEditor(
      sketchPlan([
        { heading: '甲', items: ['一号。'] },
        { heading: '乙', items: ['二号。'] },
      ]),
    )
    cursorAt(editor, '一号。')
    editor.commands.mergePlanItemWithNext()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  二号。', '二、乙'])
  })

  it('does nothing at the last item', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。'] }]))
    cursorAt(editor, '一号。')
    expect(editor.commands.mergePlanItemWithNext()).toBe(false)
  })

  it('undoes a split made at the start of a sentence in the body', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。|甲句。乙句。丙句。'] }]))
    const before = outline(editor.state.doc)
    cursorAt(editor, '乙句')
    editor.commands.splitPlanItem()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  甲句。', '2.乙句。', '  丙句。'])
    cursorAt(editor, '一号。')
    editor.commands.mergePlanItemWithNext()
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.一号。', '  甲句。', '  乙句。丙句。'])
    expect(before).toEqual(['一、甲', '1.一号。', '  甲句。乙句。丙句。'])
  })
})

describe('deletePlanItem', () => {
  it("deletes the current item, renumbers later items and puts the cursor in the next item's lead sentence", () => {
    const editor = planEditor(
      sketchPlan([
        { heading: '甲', items: ['一号。|正文。', '二号。'] },
        { heading: '乙', items: ['三号。'] },
      ]),
    )
    cursorAt(editor, '正文', 1)
    expect(editor.commands.deletePlanItem()).toBe(true)
    expect(outline(editor.state.doc)).toEqual(['一、甲', '1.二号。', '二、乙', '2.三号。'])
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '二号。', offset: 0 })
  })

  it('after deleting the last item of a section, puts the cursor at the end of the text before', () => {
    const editor = planEditor(
      sketchPlan([
        { heading: '甲', items: ['一号。', '二号。'] },
        { heading: '乙', items: ['三号。'] },
      ]),
    )
    cursorAt(editor, '二号。')
    editor.commands.deletePlanItem()
    expect(cursorPlace(editor)).toEqual({ block: 'itemTitle', text: '一号。', offset: 3 })
  })

  it('does nothing outside items', () => {
    const editor = planEditor(sketchPlan([{ heading: '甲', items: ['一号。'] }]))
    cursorAt(editor, '甲')
    expect(editor.commands.deletePlanItem()).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { itemContainers } from '../../../../shared/editor/commands/itemContainers.ts'
import { itemDropTarget } from '../../../../shared/editor/commands/itemDropTarget.ts'
import { outline, planEditor, sketchPlan } from '../planEditor.ts'

const editor = () =>
  planEditor(
    sketchPlan([
      { heading: '甲', items: ['一号。', '二号。'] },
      { heading: '乙', items: ['三号。'] },
    ]),
  )

function posOf(doc: ReturnType<typeof editor>['state']['doc'], text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text)) found = pos + 1
    return found < 0
  })
  return found
}

describe('itemDropTarget', () => {
  it('drops before an item when over its upper half and after it when over its lower half', () => {
    const e = editor()
    const [, second] = itemContainers(e.state.doc)[0].items
    const pos = posOf(e.state.doc, '二号')
    expect(itemDropTarget(e.state.doc, pos, 'upper')).toBe(second.pos)
    expect(itemDropTarget(e.state.doc, pos, 'lower')).toBe(second.pos + second.node.nodeSize)
  })

  it("drops over a section heading as the section's first item", () => {
    const e = editor()
    const target = itemDropTarget(e.state.doc, posOf(e.state.doc, '乙'), 'lower')
    expect(target).toBe(itemContainers(e.state.doc)[1].itemsStart)
  })

  it('drops over the preamble as the first item of the plan', () => {
    const e = editor()
    expect(itemDropTarget(e.state.doc, posOf(e.state.doc, '前言'), 'lower')).toBe(itemContainers(e.state.doc)[0].itemsStart)
  })

  it('gives a target that movePlanItem accepts, moving an item into the other section', () => {
    const e = editor()
    const [first] = itemContainers(e.state.doc)[0].items
    const target = itemDropTarget(e.state.doc, posOf(e.state.doc, '三号'), 'lower')
    expect(target).not.toBeNull()
    e.commands.movePlanItem(first.pos, target ?? 0)
    expect(outline(e.state.doc)).toEqual(['一、甲', '1.二号。', '二、乙', '2.三号。', '3.一号。'])
  })
})

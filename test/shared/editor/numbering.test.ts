import { describe, expect, it } from 'vitest'
import { numberLabels } from '../../../shared/editor/extensions/numberLabels.ts'
import { numberingKey, numberingPlugin } from '../../../shared/editor/extensions/Numbering.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { nthNodePos, planState } from '../../utils/pmState.ts'

const item = (id: string, title: string): PlanItem => ({ id, title, body: '' })

function planWithSubsections(): Plan {
  return {
    title: '测试',
    preamble: [],
    meta: {},
    sections: [
      { id: 's1', heading: '甲', intro: [], items: [item('a', '一。'), item('b', '二。')], subsections: [] },
      {
        id: 's2',
        heading: '乙',
        intro: [],
        items: [],
        subsections: [
          { id: 'u1', heading: '子一', intro: [], items: [item('c', '三。')] },
          { id: 'u2', heading: '子二', intro: [], items: [item('d', '四。'), item('e', '五。')] },
        ],
      },
    ],
  }
}

describe('derived numbering in the editor', () => {
  it('numbers the 8 sections and 30 items of the district seed from document order', () => {
    const labels = numberLabels(planState(districtSeed()).doc)
    expect(labels.filter((l) => l.kind === 'section').map((l) => l.label)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、'])
    expect(labels.filter((l) => l.kind === 'item').map((l) => l.label)).toEqual(Array.from({ length: 30 }, (_, i) => `${i + 1}.`))
  })

  it('numbers items continuously through sub-sections and restarts sub-section numbers in each section', () => {
    const labels = numberLabels(planState(planWithSubsections()).doc).map((l) => `${l.kind}:${l.label}`)
    expect(labels).toEqual(['section:一、', 'item:1.', 'item:2.', 'section:二、', 'subsection:（一）', 'item:3.', 'subsection:（二）', 'item:4.', 'item:5.'])
  })

  it('renumbers every later item when an item is deleted', () => {
    const state = planState(districtSeed(), [numberingPlugin()])
    const pos = nthNodePos(state.doc, 'item', 2)
    const next = state.apply(state.tr.delete(pos, pos + (state.doc.nodeAt(pos)?.nodeSize ?? 0)))
    expect(numberingKey.getState(next)?.find().length).toBe(8 + 29)
    const labels = numberLabels(next.doc).filter((l) => l.kind === 'item')
    expect(labels.at(-1)?.label).toBe('29.')
    // Item 3 was deleted, so the item that was number 4 is now number 3.
    expect(next.doc.nodeAt(labels[2].pos)?.textContent).toBe('实施义务教育中小学校内课后服务工程。')
  })
})

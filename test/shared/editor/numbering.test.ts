import { describe, expect, it } from 'vitest'
import { numberLabels } from '../../../shared/editor/extensions/numberLabels.ts'
import { numberingKey, numberingPlugin } from '../../../shared/editor/extensions/Numbering.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'
import type { EditorState } from '@tiptap/pm/state'
import { districtSeed } from '../../utils/seeds.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
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

  const random = seededRandom()
  it(`keeps every number on its heading or lead sentence while text is typed, deleted and split (TEST_SEED=${random.seed})`, () => {
    const shown = (state: EditorState): string[] =>
      (numberingKey.getState(state)?.find() ?? []).map((d) => `${d.from}-${d.to}:${(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-number']}`).sort()
    const derived = (state: EditorState): string[] =>
      numberLabels(state.doc)
        .map((l) => `${l.pos}-${l.end}:${l.label}`)
        .sort()
    let state = planState(districtSeed(), [numberingPlugin()])
    for (let step = 0; step < 300; step++) {
      const blocks: { pos: number; size: number }[] = []
      state.doc.descendants((node, pos) => {
        if (node.isTextblock) blocks.push({ pos, size: node.content.size })
        return !node.isTextblock
      })
      const block = blocks[random.int(blocks.length)]
      const at = block.pos + 1 + random.int(block.size + 1)
      const kind = random.int(10)
      const tr = state.tr
      if (kind < 6) tr.insertText('字词'.slice(0, 1 + random.int(2)), at)
      else if (kind < 9 && block.size) tr.delete(at - (at > block.pos + 1 ? 1 : 0), Math.min(at + 1, block.pos + 1 + block.size))
      else if (state.doc.resolve(at).parent.type.name === 'paragraph') tr.split(at)
      else tr.insertText('。', at)
      state = state.apply(tr)
      expect(shown(state)).toEqual(derived(state))
    }
  })
})

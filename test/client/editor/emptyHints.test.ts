import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { emptyHintsPlugin } from '../../../client/editor/EmptyHints.ts'
import { planState } from '../../utils/pmState.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
import { districtSeed } from '../../utils/seeds.ts'

/** The hints a state shows, as "from-to:class:placeholder", in order. */
function shown(state: EditorState): string[] {
  const plugin = state.plugins[0]
  return (plugin.getState(state)?.find() ?? []).map((d: { from: number; to: number }) => {
    const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    return `${d.from}-${d.to}:${attrs.class}:${attrs['data-placeholder']}`
  })
}

describe('hints in empty headings, lead sentences and notice parts', () => {
  const random = seededRandom()
  it(`stay exactly on the empty blocks while text is typed and deleted, blocks emptied and filled, the title included (TEST_SEED=${random.seed})`, () => {
    const plan = districtSeed()
    plan.sections[0].heading = ''
    plan.sections[1].items[0].title = ''
    let state = planState(plan, [emptyHintsPlugin(false)])
    for (let step = 0; step < 300; step++) {
      const blocks: { pos: number; size: number }[] = []
      state.doc.descendants((node, pos) => {
        if (node.isTextblock) blocks.push({ pos, size: node.content.size })
        return !node.isTextblock
      })
      // Now and then the title, so that the notice's derived lines follow it.
      const block = step % 25 === 0 ? blocks.find((b) => state.doc.nodeAt(b.pos)?.type.name === 'planTitle')! : blocks[random.int(blocks.length)]
      const tr = state.tr
      const kind = random.int(4)
      if (kind === 0 && block.size) tr.delete(block.pos + 1, block.pos + 1 + block.size)
      else if (kind === 1 && block.size) tr.delete(block.pos + 1, block.pos + 2)
      else tr.insertText('字', block.pos + 1 + random.int(block.size + 1))
      state = state.apply(tr)
      const fresh = EditorState.create({ schema: state.schema, doc: state.doc, plugins: [emptyHintsPlugin(false)] })
      expect(shown(state)).toEqual(shown(fresh))
    }
  })
})

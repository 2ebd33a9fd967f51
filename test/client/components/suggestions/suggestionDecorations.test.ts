import { EditorState } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import { describe, expect, it } from 'vitest'
import { suggestionDecorations } from '../../../../client/components/suggestions/suggestionDecorations.ts'
import type { SuggestionStamp } from '../../../../shared/review/suggestStamps.ts'
import { planState } from '../../../utils/pmState.ts'
import { seededRandom } from '../../../utils/seededRandom.ts'
import { districtSeed } from '../../../utils/seeds.ts'

const stamps = (): Map<string, SuggestionStamp> => new Map()

/** The drawn suggestions of a state as "from-to:class", in order. */
function drawn(state: EditorState): string[] {
  const set = state.plugins[0].getState(state) as DecorationSet
  return set.find().map((d) => `${d.from}-${d.to}:${(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class}`)
}

describe('修订 decorations', () => {
  const random = seededRandom()
  it(`stay exactly on the suggestions while plain text is typed and deleted around, inside and next to them, and suggestions are added (TEST_SEED=${random.seed})`, () => {
    let state = planState(districtSeed(), [suggestionDecorations(stamps)])
    for (let step = 0; step < 400; step++) {
      const blocks: { pos: number; size: number }[] = []
      state.doc.descendants((node, pos) => {
        if (node.isTextblock) blocks.push({ pos, size: node.content.size })
        return !node.isTextblock
      })
      // Mostly the first few blocks, so that edits land on and next to earlier suggestions.
      const block = blocks[random.int(4) === 0 ? random.int(blocks.length) : random.int(6)]
      const at = block.pos + 1 + random.int(block.size + 1)
      const tr = state.tr
      const kind = random.int(6)
      const { insertion, deletion } = state.schema.marks
      if (kind === 0 && block.size) tr.delete(at - (at > block.pos + 1 ? 1 : 0), Math.min(at + 1, block.pos + 1 + block.size))
      else if (kind === 1) tr.insert(at, state.schema.text('增', [insertion.create({ id: `g${random.int(5)}` })]))
      else if (kind === 2 && block.size > 2) tr.addMark(block.pos + 1, block.pos + 3, deletion.create({ id: `g${random.int(5)}` }))
      else tr.insertText('字', at)
      state = state.apply(tr)
      const fresh = EditorState.create({ schema: state.schema, doc: state.doc, plugins: [suggestionDecorations(stamps)] })
      expect(drawn(state)).toEqual(drawn(fresh))
    }
  })
})

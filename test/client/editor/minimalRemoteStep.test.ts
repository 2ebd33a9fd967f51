import { Node as PMNode, Slice } from '@tiptap/pm/model'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { narrowRemoteReplace, repointMapping } from '../../../client/editor/MinimalRemoteStep.ts'
import { planState } from '../../utils/pmState.ts'
import { seededRandom } from '../../utils/seededRandom.ts'
import { districtSeed } from '../../utils/seeds.ts'

/** What y-tiptap dispatches for a collaborator's change: the whole document replaced by nodes rebuilt from the Y.Doc. */
function remoteReplace(state: EditorState, theirs: PMNode): { tr: Transaction; built: PMNode } {
  const built = PMNode.fromJSON(state.schema, theirs.toJSON())
  const tr = state.tr
    .replace(0, state.doc.content.size, new Slice(built.content, 0, 0))
    .setMeta(ySyncPluginKey, { isChangeOrigin: true })
    .setMeta('addToHistory', false)
  return { tr, built: tr.doc }
}

/** Text blocks of a document with their positions and sizes. */
function textblocks(doc: PMNode): { pos: number; size: number }[] {
  const out: { pos: number; size: number }[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) out.push({ pos, size: node.content.size })
    return !node.isTextblock
  })
  return out
}

/** One random edit a collaborator might make: typing, deleting (also across blocks), a 批注 mark, a flag, a moved item. */
function randomEdit(state: EditorState, random: ReturnType<typeof seededRandom>): Transaction {
  const tr = state.tr
  const blocks = textblocks(state.doc)
  const block = blocks[random.int(blocks.length)]
  const at = block.pos + 1 + random.int(block.size + 1)
  switch (random.int(6)) {
    case 0:
      return tr.insertText('加强', at)
    case 1:
      return block.size ? tr.delete(block.pos + 1, block.pos + 1 + random.int(block.size) + 1) : tr.insertText('字', at)
    case 2: {
      const other = blocks[Math.min(blocks.length - 1, blocks.indexOf(block) + 1)]
      return tr.delete(at, other.pos + 1 + random.int(other.size + 1))
    }
    case 3:
      return block.size ? tr.addMark(block.pos + 1, block.pos + 1 + block.size, state.schema.marks.comment.create({ id: `c${random.int(1000)}` })) : tr.insertText('字', at)
    case 4: {
      let item = -1
      state.doc.descendants((node, pos) => {
        if (node.type.name === 'item' && item < 0 && random.int(40) === 0) item = pos
        return item < 0
      })
      return item < 0 ? tr.insertText('字', at) : tr.setNodeAttribute(item, 'carried', true)
    }
    default: {
      const items: number[] = []
      state.doc.descendants((node, pos) => {
        if (node.type.name === 'item') items.push(pos)
        return node.type.name !== 'item'
      })
      if (items.length < 2) return tr.insertText('字', at)
      const from = items[random.int(items.length)]
      const node = state.doc.nodeAt(from)!
      tr.delete(from, from + node.nodeSize)
      const to = items[random.int(items.length)]
      return tr.insert(tr.mapping.map(to), node)
    }
  }
}

describe("a collaborator's change as a step over just what changed", () => {
  const random = seededRandom()
  it(`gives the same document as y-tiptap's whole-document replacement and keeps every untouched node as it was (TEST_SEED=${random.seed})`, () => {
    let mine = planState(districtSeed())
    let theirs = mine
    for (let round = 0; round < 200; round++) {
      const edits = 1 + random.int(3)
      for (let k = 0; k < edits; k++) theirs = theirs.apply(randomEdit(theirs, random))
      const { tr } = remoteReplace(mine, theirs.doc)
      const narrowed = narrowRemoteReplace(mine, tr)
      expect(narrowed).not.toBeNull()
      expect(narrowed!.doc.eq(theirs.doc)).toBe(true)
      expect(narrowed!.getMeta(ySyncPluginKey)).toEqual({ isChangeOrigin: true })
      expect(narrowed!.getMeta('addToHistory')).toBe(false)
      // Top-level parts the step does not reach are the very same nodes.
      const step = narrowed!.steps[0] as unknown as { from: number; to: number } | undefined
      mine.doc.forEach((child, offset, i) => {
        if (step && offset + child.nodeSize <= step.from) expect(narrowed!.doc.child(i)).toBe(child)
      })
      mine = mine.apply(narrowed!)
      // The other side starts from what this side now has, as after a sync.
      theirs = mine
    }
  })

  it('leaves local transactions and a remote change that does not replace the whole document as they are', () => {
    const state = planState(districtSeed())
    expect(narrowRemoteReplace(state, state.tr.insertText('字', 3))).toBeNull()
    expect(narrowRemoteReplace(state, state.tr.insertText('字', 3).setMeta(ySyncPluginKey, { isChangeOrigin: true }))).toBeNull()
  })

  it('keeps the selection y-tiptap restored and changes nothing when the document is the same', () => {
    const state = planState(districtSeed())
    const { tr } = remoteReplace(state, state.doc)
    const title = textblocks(tr.doc).find((b) => b.size > 3)!
    tr.setSelection(TextSelection.create(tr.doc, title.pos + 1, title.pos + 3))
    const narrowed = narrowRemoteReplace(state, tr)!
    expect(narrowed.docChanged).toBe(false)
    expect([narrowed.selection.anchor, narrowed.selection.head]).toEqual([title.pos + 1, title.pos + 3])
    expect(narrowed.doc).toBe(state.doc)
  })

  it("re-points y-tiptap's mapping from the rebuilt nodes to the kept ones, text runs included", () => {
    const state = planState(districtSeed())
    const { tr, built } = remoteReplace(state, state.doc)
    const narrowed = narrowRemoteReplace(state, tr)!
    const mapping = new Map<unknown, PMNode | PMNode[]>()
    const keys: { key: object; kept: PMNode | PMNode[] }[] = []
    const walk = (b: PMNode, k: PMNode): void => {
      const key = {}
      if (b.isTextblock) {
        const texts: PMNode[] = []
        const keptTexts: PMNode[] = []
        b.forEach((t, _o, i) => {
          texts.push(t)
          keptTexts.push(k.child(i))
        })
        mapping.set(key, texts)
        keys.push({ key, kept: keptTexts })
        return
      }
      mapping.set(key, b)
      keys.push({ key, kept: k })
      b.forEach((c, _o, i) => walk(c, k.child(i)))
    }
    built.forEach((c, _o, i) => walk(c, narrowed.doc.child(i)))
    repointMapping(mapping, built, narrowed.doc)
    for (const { key, kept } of keys) {
      const now = mapping.get(key)!
      if (Array.isArray(kept)) expect((now as PMNode[]).every((n, i) => n === kept[i])).toBe(true)
      else expect(now).toBe(kept)
    }
  })
})

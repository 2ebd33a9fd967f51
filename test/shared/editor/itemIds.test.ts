import { describe, expect, it } from 'vitest'
import { carriedFlagPlugin } from '../../../shared/editor/extensions/CarriedFlag.ts'
import { itemIdsPlugin } from '../../../shared/editor/extensions/ItemIds.ts'
import { carryForward } from '../../../shared/plan/carryForward.ts'
import type { Node as PMNode } from '@tiptap/pm/model'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { districtSeed } from '../../utils/seeds.ts'
import { nthNodePos, planState } from '../../utils/pmState.ts'

function itemIds(doc: PMNode): (string | null)[] {
  const ids: (string | null)[] = []
  doc.descendants((n) => {
    if (n.type.name === 'item') ids.push(n.attrs.id as string | null)
    return n.type.name !== 'item'
  })
  return ids
}

describe('stable item ids', () => {
  it('gives a new item its own id and keeps every other id', () => {
    const state = planState(districtSeed(), [itemIdsPlugin()])
    const before = itemIds(state.doc)
    const pos = nthNodePos(state.doc, 'item', 0)
    const { schema } = state
    const fresh = schema.nodes.item.create(null, schema.nodes.itemTitle.create(null, schema.text('新条目。')))
    const next = state.applyTransaction(state.tr.insert(pos, fresh)).state
    const after = itemIds(next.doc)
    expect(after).toHaveLength(31)
    expect(after[0]).toMatch(/^i[0-9a-z]{12}$/)
    expect(after.slice(1)).toEqual(before)
  })

  it('replaces the id of a pasted copy so that no two items share one', () => {
    const state = planState(districtSeed(), [itemIdsPlugin()])
    const pos = nthNodePos(state.doc, 'item', 0)
    const copy = state.doc.nodeAt(pos)
    if (!copy) throw new Error('no item')
    const next = state.applyTransaction(state.tr.insert(pos + copy.nodeSize, copy)).state
    const ids = itemIds(next.doc)
    expect(new Set(ids).size).toBe(31)
    expect(ids[0]).toBe(copy.attrs.id)
  })

  it('gives the second half of an item split in its lead sentence its own id, and typing keeps every id', () => {
    const state = planState(districtSeed(), [itemIdsPlugin()])
    const before = itemIds(state.doc)
    const pos = nthNodePos(state.doc, 'item', 2)
    const typed = state.applyTransaction(state.tr.insertText('补充', pos + 3)).state
    expect(itemIds(typed.doc)).toEqual(before)
    // Split inside the lead sentence, up to the item: the copy of the item's attributes needs a new id.
    const split = typed.applyTransaction(typed.tr.split(pos + 4, 2)).state
    const after = itemIds(split.doc)
    expect(after).toHaveLength(31)
    expect(new Set(after).size).toBe(31)
    expect(after[2]).toBe(before[2])
  })

  it('leaves changes that arrive from collaborators alone', () => {
    const state = planState(districtSeed(), [itemIdsPlugin()])
    const { schema } = state
    const fresh = schema.nodes.item.create(null, schema.nodes.itemTitle.create())
    const tr = state.tr.insert(nthNodePos(state.doc, 'item', 0), fresh).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(itemIds(state.applyTransaction(tr).state.doc)[0]).toBeNull()
  })
})

describe('carried-over flag', () => {
  it('clears the flag of an item someone types in and keeps it on the others', () => {
    const state = planState(carryForward(districtSeed()), [carriedFlagPlugin()])
    const pos = nthNodePos(state.doc, 'item', 4)
    const next = state.applyTransaction(state.tr.insertText('新增', pos + 3)).state
    const flags: boolean[] = []
    next.doc.descendants((n) => {
      if (n.type.name === 'item') flags.push(Boolean(n.attrs.carried))
      return n.type.name !== 'item'
    })
    expect(flags.filter((f) => !f)).toHaveLength(1)
    expect(flags[4]).toBe(false)
  })

  it('keeps the flag when a whole item is moved elsewhere', () => {
    const state = planState(carryForward(districtSeed()), [carriedFlagPlugin()])
    const pos = nthNodePos(state.doc, 'item', 0)
    const node = state.doc.nodeAt(pos)
    if (!node) throw new Error('no item')
    const target = nthNodePos(state.doc, 'item', 5)
    const tr = state.tr.insert(target, node).delete(pos, pos + node.nodeSize)
    const next = state.applyTransaction(tr).state
    let carried = 0
    next.doc.descendants((n) => {
      if (n.type.name === 'item' && n.attrs.carried) carried++
      return n.type.name !== 'item'
    })
    expect(carried).toBe(30)
  })
})

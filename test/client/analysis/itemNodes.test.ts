import { describe, expect, it } from 'vitest'
import { findItemNode, itemIdAt, leadRange } from '../../../client/analysis/itemNodes.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { nthNodePos, planState } from '../../utils/pmState.ts'

describe('item nodes in the editor document', () => {
  const plan = districtSeed()
  const places = itemPlaces(plan)
  const { doc } = planState(plan)

  it('finds an item by id, and nothing for an id that is gone', () => {
    const thirteen = places[12].item
    const found = findItemNode(doc, thirteen.id)
    expect(found?.pos).toBe(nthNodePos(doc, 'item', 12))
    expect(found?.node.firstChild?.textContent).toBe(thirteen.title)
    expect(findItemNode(doc, 'no-such-item')).toBeNull()
  })

  it('names the item the cursor is in, also inside its body, and none in the plan title', () => {
    const pos = nthNodePos(doc, 'item', 6)
    const body = pos + 1 + (doc.nodeAt(pos)?.firstChild?.nodeSize ?? 0) + 3
    expect(itemIdAt(doc, pos + 2)).toBe(places[6].item.id)
    expect(itemIdAt(doc, body)).toBe(places[6].item.id)
    expect(itemIdAt(doc, nthNodePos(doc, 'planTitle', 0) + 1)).toBeNull()
  })

  it('gives the range of the lead sentence text', () => {
    const item = findItemNode(doc, places[0].item.id)!
    const { from, to } = leadRange(item)
    expect(doc.textBetween(from, to)).toBe(places[0].item.title)
  })
})

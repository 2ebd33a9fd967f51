import { describe, expect, it } from 'vitest'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { adoptionFor, adoptionText, type DecidedSuggestion } from '../../../shared/review/adoption.ts'
import { reviewModel } from '../../../shared/review/reviewModel.ts'
import { reviewRows, type ChangeRow, type ReviewRow } from '../../../shared/review/reviewRows.ts'
import { subsectionBase, subsectionRenamed } from './subsectionPlans.ts'

const changes = (rows: ReviewRow[]): ChangeRow[] => rows.filter((r): r is ChangeRow => r.type === 'change')

/** i4 (reworded) had one 修订 accepted and one rejected; i1 (unchanged) one rejected with a reason; i2 one accepted. */
const DECIDED: DecidedSuggestion[] = [
  { itemIds: ['i4'], decision: 'accepted' },
  { itemIds: ['i4'], decision: 'rejected', reason: '总量以市级下达为准' },
  { itemIds: ['i1'], decision: 'rejected', reason: '与市级表述不一致' },
  { itemIds: ['i2'], decision: 'accepted' },
]

describe('采纳情况 of the review rows', () => {
  it('names each item’s 采纳 / 未采纳 / 部分采纳 with the editors’ reasons', () => {
    expect(adoptionText(adoptionFor(['i4'], DECIDED)!)).toBe('部分采纳（采纳 1 处，未采纳 1 处；理由：总量以市级下达为准）')
    expect(adoptionText(adoptionFor(['i1'], DECIDED)!)).toBe('未采纳（理由：与市级表述不一致）')
    expect(adoptionText(adoptionFor(['i2', 'ix'], DECIDED)!)).toBe('采纳')
    expect(adoptionFor(['i3'], DECIDED)).toBeNull()
  })

  it('puts 采纳情况 on the rows of the one model the page draws, with rows for unchanged items whose 修订 were decided', () => {
    const model = reviewModel(diffPlans(subsectionBase(), subsectionRenamed(true)), undefined, DECIDED)
    expect(model.adoption).toBe(true)
    const rows = changes(reviewRows(model))
    const reworded = rows.find((r) => r.new?.[0].segments.some((s) => s.text.includes('800')))
    expect(reworded?.adoption?.label).toBe('部分采纳')
    // The page's item carries the same 采纳情况 as the table's row.
    expect(model.items.find((i) => i.key === reworded?.key)?.adoption).toEqual(reworded?.adoption)
    const unchanged = rows.filter((r) => r.description === '条文未改动')
    expect(unchanged.map((r) => [r.chip, r.adoption?.label])).toEqual([
      ['未修改', '未采纳'],
      ['未修改', '采纳'],
    ])
    // Rows without decided 修订 leave it empty.
    expect(rows.find((r) => r.subject === 'subsection')?.adoption).toBeNull()
  })

  it('adds nothing when no 修订 was decided since the base', () => {
    const model = reviewModel(diffPlans(subsectionBase(), subsectionRenamed(true)))
    expect(model.adoption).toBe(false)
    expect(changes(reviewRows(model)).every((r) => r.adoption === null && r.description !== '条文未改动')).toBe(true)
    expect(model.items.every((i) => i.adoption === null)).toBe(true)
  })
})

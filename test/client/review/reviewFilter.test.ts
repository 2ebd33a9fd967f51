import { beforeAll, describe, expect, it } from 'vitest'
import { foldEntries, sectionVisible, type FoldedEntry } from '../../../client/review/reviewFilter.ts'
import { reviewModel, type ReviewModel } from '../../../client/review/reviewModel.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { seedDraft } from '../../shared/diff/fixtures/seedDraft.ts'

let model: ReviewModel
beforeAll(() => {
  const f = seedDraft()
  model = reviewModel(diffPlans(f.source, f.draft))
})

const show = (entries: FoldedEntry[]): string[] => entries.map((e) => (e.type === 'item' ? `${e.item.kind} ${e.item.place}` : `… ${e.label}`))

describe('review filter', () => {
  it('shows everything without a filter', () => {
    const section = model.sections[5]
    expect(show(foldEntries(section.items, { only: false, kind: null }))).toHaveLength(section.items.length)
    expect(model.sections.every((s) => sectionVisible(s, { only: false, kind: null }))).toBe(true)
  })

  it('只看修改 folds runs of unchanged items and hides sections without changes', () => {
    // Section 五 (old 六): 12 reworded, 13 unchanged, 14 moved in, 15–17 unchanged, 18 reworded.
    expect(show(foldEntries(model.sections[5].items, { only: true, kind: null }))).toEqual(['reworded 第12条', '… 第13条未修改', 'moved 第14条', '… 第15—17条未修改（3 条）', 'reworded 第18条'])
    expect(model.sections.filter((s) => sectionVisible(s, { only: true, kind: null })).map((s) => s.label)).toEqual(['一、', '三、', '四、', '四、', '五、', '六、', '七、', '八、'])
  })

  it('one kind shows only its entries and the sections holding them', () => {
    const f = { only: false, kind: 'moved' as const }
    expect(model.sections.filter((s) => sectionVisible(s, f)).map((s) => s.label)).toEqual(['一、', '五、', '六、'])
    expect(show(foldEntries(model.sections[0].items, f))).toEqual(['… 其他 2 条已隐藏', 'moved 第2条'])
  })
})

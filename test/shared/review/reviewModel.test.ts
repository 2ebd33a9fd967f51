import { beforeAll, describe, expect, it } from 'vitest'
import { reviewModel, type ReviewModel, type SectionView } from '../../../shared/review/reviewModel.ts'
import type { ReviewAuthor } from '../../../shared/api/review.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { makePlan, seedTexts } from '../diff/fixtures/makePlan.ts'
import { seedDraft, type SeedDraft } from '../diff/fixtures/seedDraft.ts'

let fixture: SeedDraft
let model: ReviewModel
beforeAll(() => {
  fixture = seedDraft()
  model = reviewModel(diffPlans(fixture.source, fixture.draft))
})

/** "kind place note" of the entries under a section, in the order shown. */
const lines = (s: SectionView): string[] => s.items.map((i) => `${i.kind} ${i.place} ${i.note}`.trim())

describe('reviewModel on seed 000 against its scripted next-year draft', () => {
  it('shows every diff entry exactly once, under a section', () => {
    const shown = model.sections.flatMap((s) => [...s.items, ...s.subsections.flatMap((u) => u.items)])
    expect(shown).toHaveLength(model.items.length)
    expect(new Set(shown.map((i) => i.key)).size).toBe(model.items.length)
    expect(model.items.filter((i) => i.changed)).toHaveLength(model.summary.changed)
  })

  it('labels merged, split and moved items with their old numbers', () => {
    const note = (kind: string): string[] => model.items.filter((i) => i.kind === kind).map((i) => i.note)
    expect(note('merged')).toEqual(['原第6、7条合并'])
    // 12 is split into new 9 and 10 (new numbering after 1 and 7 went and 13 moved up).
    expect(note('split')).toEqual(['原第12条拆分为第9、10条'])
    expect(note('moved').sort()).toEqual(['原第10条，由原第四部分移入', '原第13条，由原第五部分移入', '原第24条，调整顺序', '原第9条，由原第四部分移入'].sort())
    expect(note('removed').sort()).toEqual(['删除原第1条', '删除原第26条'])
    expect(note('added')).toEqual(['新增条目', '新增条目'])
  })

  it('keeps a removed item in the section it left, where it stood', () => {
    const first = model.sections[0]
    expect(lines(first)).toEqual(['removed 原第1条 删除原第1条', 'reworded 第1条 原第2条', 'moved 第2条 原第13条，由原第五部分移入'])
    const renamed = model.sections.find((s) => s.kind === 'renamed') as SectionView
    expect(renamed.items.map((i) => i.place).slice(0, 3)).toEqual(['第24条', '原第26条', '第25条'])
  })

  it('names section changes: removed 四, renamed 八 (now 七), added 九 (now 八), and renumbered sections', () => {
    expect(model.sections.map((s) => `${s.label} ${s.chip} ${s.note}`.trim().replace(/ +/g, ' '))).toEqual([
      '一、',
      '二、',
      '三、',
      '四、 删除部分',
      '四、 原第五部分',
      '五、 原第六部分',
      '六、 原第七部分',
      '七、 标题修改 原第八部分',
      '八、 新增部分',
    ])
    expect(model.sections.map((s) => s.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'removed', 'unchanged', 'unchanged', 'unchanged', 'renamed', 'added'])
    expect(model.sections.map((s) => s.changes)).toEqual([3, 0, 1, 1, 1, 3, 2, 4, 2])
  })

  it('lists the changes in document order for the change list', () => {
    expect(model.changes.map((c) => `${c.chip} ${c.place}`)).toEqual([
      '删除 原第1条',
      '修改 第1条',
      '移动 第2条',
      '合并 第6条',
      '删除部分 四、',
      '拆分 第9、10条',
      '修改 第12条',
      '移动 第14条',
      '修改 第18条',
      '移动 第19条',
      '移动 第23条',
      '标题修改 七、',
      '删除 原第26条',
      '新增 第25条',
      '修改 第28条',
      '新增部分 八、',
      '新增 第30条',
    ])
  })
})

describe('reviewModel attribution', () => {
  const author = (userId: string, name: string, last: string): ReviewAuthor => ({ userId, name, color: '#1f77b4', first: last, last, updates: 1 })

  it('credits a merged item to whoever changed either old item, once each, latest first; unchanged items to nobody', () => {
    const T = seedTexts()
    const a = makePlan(
      [
        [
          '一',
          [
            { id: 'x', text: T[2] },
            { id: 'y', text: T[3] },
            { id: 'z', text: T[5] },
          ],
        ],
      ],
      'a',
    )
    const b = makePlan(
      [
        [
          '一',
          [
            { id: 'x', text: T[2] + T[3].slice(T[3].indexOf('。') + 1) },
            { id: 'z', text: T[5] },
          ],
        ],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    const authors = {
      x: [author('u1', '张伟', '2026-11-20T02:00:00.000Z')],
      y: [author('u2', '李娜', '2026-11-20T03:00:00.000Z'), author('u1', '张伟', '2026-11-20T04:00:00.000Z')],
      z: [author('u3', '王芳', '2026-11-20T05:00:00.000Z')],
    }
    const m = reviewModel(d, authors)
    const merged = m.items.find((i) => i.kind === 'merged')
    expect(merged?.authors.map((x) => [x.name, x.at])).toEqual([
      ['张伟', '2026-11-20T04:00:00.000Z'],
      ['李娜', '2026-11-20T03:00:00.000Z'],
    ])
    // z's text did not change (an edit typed and taken back): no one is named.
    expect(m.items.find((i) => i.kind === 'unchanged')?.authors).toEqual([])
  })

  it('credits title and preamble changes to their top-level nodes', () => {
    const T = seedTexts()
    const a = makePlan([['一', [T[2]]]], 'a')
    const b = { ...makePlan([['一', [T[2]]]], 'b'), title: '测试工作要点（修订）', preamble: ['新的导语。'] }
    const m = reviewModel(diffPlans(a, b), { planTitle: [author('u1', '张伟', '2026-11-20T02:00:00.000Z')], preamble: [author('u2', '李娜', '2026-11-20T02:00:00.000Z')] })
    expect(m.title.changed).toBe(true)
    expect(m.title.authors.map((x) => x.name)).toEqual(['张伟'])
    expect(m.preamble.changed).toBe(true)
    expect(m.preamble.authors.map((x) => x.name)).toEqual(['李娜'])
  })
})

describe('reviewModel targets', () => {
  it('lists every changed target with the entry it belongs to', () => {
    const f = seedDraft()
    const m = reviewModel(diffPlans(f.source, f.draft))
    const lines = m.targets.map((t) => `${t.place} ${t.description.replace(/（.*）$/, '')}`)
    expect(lines.sort()).toEqual(['第12条 公办幼儿园覆盖率 60% → 65%', '第12条 新开办公办幼儿园 6所 → 8所', '第28条 民办义务教育规模 降至6% → 降至5%'].sort())
    for (const t of m.targets) expect(m.items.find((i) => i.key === t.key)?.place).toBe(t.place)
  })
})

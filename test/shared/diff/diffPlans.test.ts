import { beforeAll, describe, expect, it } from 'vitest'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import type { ItemDiff, PlanDiff } from '../../../shared/diff/types.ts'
import { makePlan, seedTexts } from './fixtures/makePlan.ts'

let T: string[]
beforeAll(() => {
  T = seedTexts()
})

/** Entries as "kind old→new" with numbers as printed, plus M when moved. */
function entries(d: PlanDiff): string[] {
  return d.items.map((e: ItemDiff) => `${e.kind} ${e.old.map((r) => r.number).join('+')}→${e.new.map((r) => r.number).join('+')}${e.moved ? ' M' : ''}`)
}

describe('diffPlans on constructed pairs', () => {
  it('reports identical plans as unchanged', () => {
    const a = makePlan(
      [
        ['一', [T[2], T[3]]],
        ['二', [T[5]]],
      ],
      'a',
    )
    const b = makePlan(
      [
        ['一', [T[2], T[3]]],
        ['二', [T[5]]],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    expect(entries(d)).toEqual(['unchanged 1→1', 'unchanged 2→2', 'unchanged 3→3'])
    expect(d.summary.changed).toBe(0)
    expect(d.items.every((e) => e.similarity === 1 && e.spans.every((s) => s.op === 'equal'))).toBe(true)
  })

  it('does not call items moved when an insertion at the top renumbers every one of them', () => {
    const a = makePlan(
      [
        ['一', [T[2], T[3], T[5]]],
        ['二', [T[8], T[13]]],
      ],
      'a',
    )
    const b = makePlan(
      [
        ['一', [T[19], T[2], T[3], T[5]]],
        ['二', [T[8], T[13]]],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    expect(entries(d)).toEqual(['added →1', 'unchanged 1→2', 'unchanged 2→3', 'unchanged 3→4', 'unchanged 4→5', 'unchanged 5→6'])
    expect(d.items.find((e) => e.kind === 'added')?.spans).toEqual([{ op: 'insert', text: T[19] }])
  })

  it('classifies an edited item as reworded with readable spans and a similarity below 1', () => {
    const edited = T[14].replace('持续开发闵行区家庭教育课程', '持续开发区域家庭教育精品课程')
    const d = diffPlans(makePlan([['一', [T[2], T[14]]]], 'a'), makePlan([['一', [T[2], edited]]], 'b'))
    expect(entries(d)).toEqual(['unchanged 1→1', 'reworded 2→2'])
    const e = d.items[1]
    expect(e.similarity).toBeGreaterThan(0.8)
    expect(e.similarity).toBeLessThan(1)
    const changed = e.spans.filter((s) => s.op !== 'equal')
    // 闵行区 → 区域 shares 区; the cleanup shows it as one replacement rather than 闵行[区]域.
    expect(changed).toEqual([
      { op: 'delete', text: '闵行区' },
      { op: 'insert', text: '区域' },
      { op: 'insert', text: '精品' },
    ])
    expect(join(e, 'old')).toBe(T[14])
    expect(join(e, 'new')).toBe(edited)
  })

  it('matches an item that moved to another section and labels it with both numbers', () => {
    const a = makePlan(
      [
        ['抓好疫情防控', [T[1], T[2]]],
        ['落实民心工程', [T[3], T[4]]],
      ],
      'a',
    )
    const b = makePlan(
      [
        ['抓好疫情防控', [T[1]]],
        ['落实民心工程', [T[3], T[4], T[2]]],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    expect(entries(d)).toEqual(['unchanged 1→1', 'unchanged 3→2', 'unchanged 4→3', 'moved 2→4 M'])
    const moved = d.items[3]
    expect(moved.movedSection).toBe(true)
    expect(moved.old[0].section.label).toBe('一、')
    expect(moved.new[0].section.label).toBe('二、')
  })

  it('marks only the item taken out of order as moved within a section', () => {
    const a = makePlan([['一', [T[2], T[3], T[5], T[8], T[13]]]], 'a')
    const b = makePlan([['一', [T[13], T[2], T[3], T[5], T[8]]]], 'b')
    expect(entries(diffPlans(a, b))).toEqual(['moved 5→1 M', 'unchanged 1→2', 'unchanged 2→3', 'unchanged 3→4', 'unchanged 4→5'])
  })

  it('reports two items merged into one', () => {
    const a = makePlan([['一', [T[2], T[14], T[18], T[19]]]], 'a')
    const merged = '促进家校共育和特殊教育融合发展。' + T[14].slice(T[14].indexOf('。') + 1) + T[18].slice(T[18].indexOf('。') + 1)
    const b = makePlan([['一', [T[2], merged, T[19]]]], 'b')
    const d = diffPlans(a, b)
    expect(entries(d)).toEqual(['unchanged 1→1', 'merged 2+3→2', 'unchanged 4→3'])
    expect(d.items[1].reworded).toBe(true)
  })

  it('reports one item split into two', () => {
    const whole = T[12]
    const cut = whole.indexOf('学校加强“三团一队”建设')
    const a = makePlan([['一', [T[2], whole, T[19]]]], 'a')
    const b = makePlan([['一', [T[2], whole.slice(0, cut), '加强学生艺术教育。' + whole.slice(cut), T[19]]]], 'b')
    expect(entries(diffPlans(a, b))).toEqual(['unchanged 1→1', 'split 2→2+3', 'unchanged 3→4'])
  })

  it('does not call the removal of one of two similar items a merge', () => {
    // Seed items 10 and 16 both speak of 义务教育优质均衡; dropping 10 is a removal.
    const a = makePlan([['一', [T[10], T[16], T[2]]]], 'a')
    const b = makePlan([['一', [T[16], T[2]]]], 'b')
    expect(entries(diffPlans(a, b))).toEqual(['removed 1→', 'unchanged 2→1', 'unchanged 3→2'])
  })

  it('finds a merge whose text was condensed', () => {
    const body = (t: string): string => t.slice(t.indexOf('。') + 1)
    // Keep the first two sentences of each old item.
    const firstTwo = (t: string): string => body(t).split('。').slice(0, 2).join('。') + '。'
    const a = makePlan([['一', [T[2], T[20], T[21], T[25]]]], 'a')
    const b = makePlan([['一', [T[2], '推进学习型社会和学区集团建设。' + firstTwo(T[20]) + firstTwo(T[21]), T[25]]]], 'b')
    expect(entries(diffPlans(a, b))).toEqual(['unchanged 1→1', 'merged 2+3→2', 'unchanged 4→3'])
  })

  it('finds a split whose parts were reworded', () => {
    const whole = T[19]
    const cut = whole.indexOf('加强智慧职教建设')
    const first = whole.slice(0, cut).replace('深入推进产教融合', '持续深化产教融合').replace('优化“双师”队伍结构', '完善“双师”队伍结构')
    const second = '推进职业教育数字化。' + whole.slice(cut).replace('加强智慧职教建设', '推进智慧职教建设').replace('深化普职融通和双创教育', '推进普职融通')
    const a = makePlan([['一', [T[2], whole, T[25]]]], 'a')
    const b = makePlan([['一', [T[2], first, second, T[25]]]], 'b')
    expect(entries(diffPlans(a, b))).toEqual(['unchanged 1→1', 'split 2→2+3', 'unchanged 3→4'])
  })

  it('finds nothing in common between two unrelated plans', () => {
    const a = makePlan(
      [
        ['一', [T[2], T[9], T[25]]],
        ['二', [T[27]]],
      ],
      'a',
    )
    const b = makePlan(
      [
        ['一', [T[14], T[19]]],
        ['二', [T[22], T[30]]],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    expect(d.items.filter((e) => e.kind !== 'added' && e.kind !== 'removed')).toEqual([])
    expect(d.summary).toMatchObject({ added: 4, removed: 4, unchanged: 0 })
  })

  it('keeps an id-matched item matched however much its text changed', () => {
    const a = makePlan([
      [
        '一',
        [
          { id: 'x1', text: T[2] },
          { id: 'x2', text: T[3] },
        ],
      ],
    ])
    const b = makePlan([
      [
        '一',
        [
          { id: 'x1', text: T[2] },
          { id: 'x2', text: T[25] },
        ],
      ],
    ])
    const d = diffPlans(a, b)
    expect(entries(d)).toEqual(['unchanged 1→1', 'reworded 2→2'])
    expect(d.items[1].matchedBy).toBe('id')
    expect(d.items[1].similarity).toBeLessThan(0.25)
    // Without ids the same pair is a removal and an addition.
    expect(entries(diffPlans(a, b, { useIds: false }))).toEqual(['unchanged 1→1', 'removed 2→', 'added →2'])
  })

  it('matches a section that was renamed, and reports added and removed sections', () => {
    const a = makePlan(
      [
        ['抓好疫情防控，加强校园安全管理', [T[1], T[2]]],
        ['落实民心工程', [T[3], T[4]]],
        ['优化管理机制', [T[25]]],
      ],
      'a',
    )
    const b = makePlan(
      [
        ['加强校园安全管理', [T[1], T[2]]],
        ['优化管理机制', [T[25]]],
        ['加强党的建设', [T[11]]],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    expect(d.sections.map((s) => `${s.kind} ${s.old?.number ?? ''}→${s.new?.number ?? ''}`)).toEqual(['renamed 1→1', 'removed 2→', 'unchanged 3→2', 'added →3'])
    expect(d.summary).toMatchObject({ sectionsAdded: 1, sectionsRemoved: 1, sectionsRenamed: 1 })
    expect(
      d.sections[0].spans
        .filter((s) => s.op === 'delete')
        .map((s) => s.text)
        .join(''),
    ).toBe('抓好疫情防控，')
  })

  it('reports a section moved as a whole without calling its items moved', () => {
    const a = makePlan(
      [
        ['抓好疫情防控', [T[1], T[2]]],
        ['落实民心工程', [T[3], T[4]]],
        ['优化管理机制', [T[25]]],
      ],
      'a',
    )
    const b = makePlan(
      [
        ['优化管理机制', [T[25]]],
        ['抓好疫情防控', [T[1], T[2]]],
        ['落实民心工程', [T[3], T[4]]],
      ],
      'b',
    )
    const d = diffPlans(a, b)
    expect(d.sections.map((s) => `${s.kind} ${s.old?.number}→${s.new?.number}${s.moved ? ' M' : ''}`)).toEqual(['unchanged 3→1 M', 'unchanged 1→2', 'unchanged 2→3'])
    expect(entries(d)).toEqual(['unchanged 5→1', 'unchanged 1→2', 'unchanged 2→3', 'unchanged 3→4', 'unchanged 4→5'])
  })

  it('compares targets of matched items', () => {
    const a = makePlan([['一', [T[15]]]], 'a')
    const b = makePlan([['一', [T[15].replace('覆盖率达到60%', '覆盖率达到65%')]]], 'b')
    const d = diffPlans(a, b)
    expect(d.targets.map((t) => [t.description, t.oldItems, t.newItems])).toEqual([['公办幼儿园覆盖率 60% → 65%（提高）', [1], [1]]])
  })

  it('finds a move between sub-sections of one section', () => {
    const plan = (first: string[], second: string[], prefix: string) => {
      const p = makePlan([['一', []]], prefix)
      p.sections[0].subsections = [
        { id: `${prefix}-u1`, heading: '学前教育', intro: [], items: makePlan([['x', first]], `${prefix}-a`).sections[0].items },
        { id: `${prefix}-u2`, heading: '义务教育', intro: [], items: makePlan([['x', second]], `${prefix}-b`).sections[0].items },
      ]
      return p
    }
    const d = diffPlans(plan([T[3], T[15]], [T[16], T[4]], 'a'), plan([T[3]], [T[15], T[16], T[4]], 'b'))
    expect(entries(d)).toEqual(['unchanged 1→1', 'moved 2→2 M', 'unchanged 3→3', 'unchanged 4→4'])
    expect(d.items[1].movedSection).toBe(true)
    expect(d.items[1].new[0].subsection?.label).toBe('（二）')
    expect(d.sections.map((s) => `${s.level} ${s.kind}`)).toEqual(['section unchanged', 'subsection unchanged', 'subsection unchanged'])
  })

  it('matches an item pasted twice once by id and treats the copy as added', () => {
    const a = makePlan([
      [
        '一',
        [
          { id: 'x1', text: T[2] },
          { id: 'x2', text: T[3] },
        ],
      ],
    ])
    const b = makePlan([
      [
        '一',
        [
          { id: 'x1', text: T[2] },
          { id: 'x2', text: T[3] },
          { id: 'x2', text: T[3] },
        ],
      ],
    ])
    expect(entries(diffPlans(a, b))).toEqual(['unchanged 1→1', 'unchanged 2→2', 'added →3'])
  })

  it('handles empty plans', () => {
    const empty = makePlan([], 'a')
    expect(diffPlans(empty, empty).items).toEqual([])
    expect(entries(diffPlans(empty, makePlan([['一', [T[2]]]], 'b')))).toEqual(['added →1'])
  })
})

function join(e: ItemDiff, side: 'old' | 'new'): string {
  return e.spans
    .filter((s) => s.op === 'equal' || s.op === (side === 'old' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('')
}

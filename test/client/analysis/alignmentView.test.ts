import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { confirmedLinks, itemSummaries, itemView } from '../../../client/analysis/alignmentView.ts'
import { alignPlans } from '../../../shared/align/alignPlans.ts'
import { coverageReport } from '../../../shared/align/coverage.ts'
import { markLocal, readLinks, setLink } from '../../../shared/collab/links.ts'
import { carryForward } from '../../../shared/plan/carryForward.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import type { PlanItem } from '../../../shared/plan/types.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'

function setup() {
  const district = carryForward(districtSeed())
  const municipal = municipalSeed()
  const d = (n: number): PlanItem => itemPlaces(district)[n - 1].item
  const m = (n: number): PlanItem => itemPlaces(municipal)[n - 1].item
  const alignment = alignPlans(district, municipal, { topK: 5 })
  return { ydoc: new Y.Doc(), d, m, alignment }
}

describe('itemView', () => {
  it('ranks the suggestions for an item with their terms and shows who decided which', () => {
    const { ydoc, d, m, alignment } = setup()
    setLink(ydoc, { districtItem: d(7), municipalItem: m(9), status: 'accepted', by: 'u1', byName: '张伟', at: '2025-03-01T08:00:00.000Z' })
    const links = readLinks(ydoc)
    const view = itemView(alignment, links, coverageReport(alignment, links), d(7).id)!
    expect(view).toMatchObject({ number: 7, title: '落实“双减”实施意见。' })
    expect(view.rows).toHaveLength(5)
    expect(view.rows[0]).toMatchObject({ number: 9, decision: 'accepted', strong: true, link: { byName: '张伟' } })
    expect(view.rows[0].terms).toContain('“双减”')
    expect(view.rows.slice(1).every((r) => r.decision === 'open')).toBe(true)
    const scores = view.rows.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('keeps a decided link that is not among the suggestions, so it never silently disappears', () => {
    const { ydoc, d, m, alignment } = setup()
    const shown = new Set(alignment.items[6].candidates.map((c) => c.number))
    const far = [...Array(18).keys()].map((i) => i + 1).find((n) => !shown.has(n))!
    setLink(ydoc, { districtItem: d(7), municipalItem: m(far), status: 'rejected', by: 'u2' })
    const view = itemView(alignment, readLinks(ydoc), null, d(7).id)!
    expect(view.rows).toHaveLength(6)
    expect(view.rows[5]).toMatchObject({ number: far, decision: 'rejected' })
  })

  it('flags a confirmed link whose district text changed a lot since, and shows a local mark', () => {
    const { ydoc, d, m, alignment } = setup()
    setLink(ydoc, { districtItem: { ...d(13), body: '开展学生体质健康测试，推进学校体育场地开放。' }, municipalItem: m(3), status: 'accepted', by: 'u1' })
    markLocal(ydoc, d(27), 'u1', undefined, undefined, '张伟')
    const links = readLinks(ydoc)
    const report = coverageReport(alignment, links)
    const thirteen = itemView(alignment, links, report, d(13).id)!
    expect(thirteen.rows.find((r) => r.number === 3)?.suspect?.message).toContain('区级第13条')
    const twentySeven = itemView(alignment, links, report, d(27).id)!
    expect(twentySeven.local?.byName).toBe('张伟')
    expect(itemView(alignment, links, report, 'not-an-item')).toBeNull()
  })
})

describe('itemSummaries', () => {
  it('tells for each item whether it is linked, local, only suggested or without counterpart', () => {
    const { ydoc, d, m, alignment } = setup()
    setLink(ydoc, { districtItem: d(7), municipalItem: m(9), status: 'accepted', by: 'u1' })
    setLink(ydoc, { districtItem: d(13), municipalItem: m(3), status: 'rejected', by: 'u1' })
    markLocal(ydoc, d(27), 'u1')
    const links = readLinks(ydoc)
    const rows = itemSummaries(alignment, links, coverageReport(alignment, links))
    expect(rows).toHaveLength(30)
    const byNumber = (n: number) => rows.find((r) => r.number === n)
    expect(byNumber(7)).toMatchObject({ standing: 'linked', municipal: [9] })
    expect(byNumber(27)).toMatchObject({ standing: 'local', municipal: [] })
    expect(byNumber(25)).toMatchObject({ standing: 'none' })
    expect(byNumber(18)).toMatchObject({ standing: 'suggested', municipal: [16] })
    // 13's best suggestion (municipal 3) was rejected: it is not offered as a suggestion any more.
    expect(byNumber(13)?.municipal).not.toContain(3)
  })
})

describe('confirmedLinks', () => {
  it('lists accepted links and local marks of items that still exist, in district order, leaving rejections out', () => {
    const { ydoc, d, m, alignment } = setup()
    setLink(ydoc, { districtItem: d(13), municipalItem: m(3), status: 'accepted', by: 'u1', byName: '张伟' })
    setLink(ydoc, { districtItem: d(7), municipalItem: m(10), status: 'accepted', by: 'u2', byName: '李娜' })
    setLink(ydoc, { districtItem: d(7), municipalItem: m(9), status: 'accepted', by: 'u2', byName: '李娜' })
    setLink(ydoc, { districtItem: d(18), municipalItem: m(16), status: 'rejected', by: 'u1' })
    setLink(ydoc, { districtItem: { id: 'deleted', title: '已删除。', body: '' }, municipalItem: m(1), status: 'accepted', by: 'u1' })
    markLocal(ydoc, d(27), 'u1', undefined, undefined, '张伟')
    const rows = confirmedLinks(alignment, readLinks(ydoc))
    expect(rows.map((r) => [r.district, r.municipal ?? 'local', r.link.byName])).toEqual([
      [7, 9, '李娜'],
      [7, 10, '李娜'],
      [13, 3, '张伟'],
      [27, 'local', '张伟'],
    ])
  })
})

import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { heatmapModel, scoreColor, SCALE_MAX } from '../../../client/analysis/heatmapModel.ts'
import { alignPlans } from '../../../shared/align/alignPlans.ts'
import { coverageReport } from '../../../shared/align/coverage.ts'
import { markLocal, readLinks, setLink } from '../../../shared/collab/links.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'

describe('heatmapModel', () => {
  it('has a cell for every municipal × district pair, marked by the decisions and the threshold', () => {
    const district = districtSeed()
    const municipal = municipalSeed()
    const d = itemPlaces(district).map((p) => p.item)
    const m = itemPlaces(municipal).map((p) => p.item)
    const ydoc = new Y.Doc()
    setLink(ydoc, { districtItem: d[6], municipalItem: m[8], status: 'accepted', by: 'u1' })
    setLink(ydoc, { districtItem: d[12], municipalItem: m[2], status: 'rejected', by: 'u1' })
    markLocal(ydoc, d[26], 'u1')
    const alignment = alignPlans(district, municipal)
    const links = readLinks(ydoc)
    const model = heatmapModel(alignment, links, coverageReport(alignment, links))
    expect(model.rows).toHaveLength(18)
    expect(model.cols).toHaveLength(30)
    expect(model.cells).toHaveLength(18 * 30)
    const cell = (mNumber: number, dNumber: number) => model.cells[(mNumber - 1) * 30 + (dNumber - 1)]
    expect(cell(9, 7)).toMatchObject({ row: 8, col: 6, state: 'accepted', score: alignment.scores[6][8] })
    expect(cell(3, 13).state).toBe('rejected')
    for (const c of model.cells.filter((x) => x.state === 'strong' || x.state === 'weak')) expect(c.state === 'strong').toBe(c.score >= alignment.threshold)
    expect(model.rows[0]).toMatchObject({ number: 1, covered: true })
    expect(model.rows[6]).toMatchObject({ number: 7, covered: false })
    expect(model.cols[26]).toMatchObject({ number: 27, local: true, unlinked: false })
    expect(model.cols[24]).toMatchObject({ number: 25, local: false, unlinked: true })
    expect(model.cols[6].short).toBe('落实“双减”实…')
  })
})

describe('scoreColor', () => {
  it('runs from near white at 0 to deep blue at the top of the scale, darker as the score rises', () => {
    expect(scoreColor(0)).toBe('rgb(246, 248, 251)')
    expect(scoreColor(SCALE_MAX)).toBe('rgb(27, 68, 128)')
    expect(scoreColor(1)).toBe(scoreColor(SCALE_MAX))
    const lightness = (c: string) => (c.match(/\d+/g) ?? []).map(Number).reduce((a, b) => a + b, 0)
    const steps = [0, 0.01, 0.03, 0.065, 0.1, 0.2, 0.3].map((s) => lightness(scoreColor(s)))
    expect(steps).toEqual([...steps].sort((a, b) => b - a))
    expect(new Set(steps).size).toBe(steps.length)
  })
})

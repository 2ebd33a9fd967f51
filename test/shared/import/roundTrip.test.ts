import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { carryForward } from '../../../shared/plan/carryForward.ts'
import { renderPlanText } from '../../../shared/plan/render.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'

/** A plan without its ids (random on every import) and without the carried flags (not printed). */
function withoutIds(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === 'id' || key === 'carried' ? undefined : value)))
}

describe('import(render(plan)) gives the plan back', () => {
  it.each([
    ['seed 000', SEED_PATHS.district],
    ['seed 001', SEED_PATHS.municipal],
  ])('for %s', (_name, path) => {
    const { plan } = importText(readFileSync(path, 'utf8'))
    const again = importText(renderPlanText(plan))
    expect(withoutIds(again.plan)).toEqual(withoutIds(plan))
  })

  it('leaves nothing in the rendered seed 000 to warn about: the copy artefacts are gone', () => {
    const { plan } = importText(readFileSync(SEED_PATHS.district, 'utf8'))
    expect(importText(renderPlanText(plan)).warnings).toEqual([])
  })

  it('for a plan with sub-sections, intro paragraphs, a notice with 发文字号 and a closing', () => {
    const plan: Plan = {
      title: '2025年某区教育工作要点',
      notice: { title: '关于印发《2025年某区教育工作要点》的通知', docNumber: '某教〔2025〕1号', addressee: '各学校', body: ['现将《2025年某区教育工作要点》印发给你们。'], attachment: '2025年某区教育工作要点', issuer: '某区教育局', date: '2025年1月2日' },
      preamble: ['第一段前言。', '第二段前言。'],
      sections: [
        { id: 's1', heading: '加强党建', intro: ['本部分说明。'], items: [{ id: 'a', title: '坚持党建引领。', body: '第一段。\n第二段。' }], subsections: [] },
        {
          id: 's2', heading: '推进改革', intro: [], items: [],
          subsections: [
            { id: 'u1', heading: '评价改革', intro: [], items: [{ id: 'b', title: '深化评价改革。', body: '推进综合素质评价。' }] },
            { id: 'u2', heading: '考试改革', intro: [], items: [{ id: 'c', title: '改进考试管理。', body: '' }, { id: 'd', title: '压减考试次数。', body: '每学期不超过2次。' }] },
          ],
        },
      ],
      closing: { issuer: '某区教育局', date: '2025年1月2日' },
      meta: { issuer: '某区教育局', level: 'district', year: 2025 },
    }
    const again = importText(renderPlanText(plan))
    expect(withoutIds(again.plan)).toEqual(withoutIds(plan))
    expect(again.warnings).toEqual([])
  })

  it('for a carried-forward draft whose notice has an issuer but no date yet', () => {
    const draft = carryForward(importText(readFileSync(SEED_PATHS.district, 'utf8')).plan)
    expect(draft.notice?.date).toBeUndefined()
    const again = importText(renderPlanText(draft))
    expect(withoutIds(again.plan)).toEqual(withoutIds(draft))
  })
})

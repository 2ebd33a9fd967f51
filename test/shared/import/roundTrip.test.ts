import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { joinWords } from '../../../shared/import/structure/joinWords.ts'
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
      notice: {
        title: '关于印发《2025年某区教育工作要点》的通知',
        docNumber: '某教〔2025〕1号',
        addressee: '各学校',
        body: ['现将《2025年某区教育工作要点》印发给你们。'],
        attachment: '2025年某区教育工作要点',
        issuer: '某区教育局',
        date: '2025年1月2日',
      },
      preamble: ['第一段前言。', '第二段前言。'],
      sections: [
        { id: 's1', heading: '加强党建', intro: ['本部分说明。'], items: [{ id: 'a', title: '坚持党建引领。', body: '第一段。\n第二段。' }], subsections: [] },
        {
          id: 's2',
          heading: '推进改革',
          intro: [],
          items: [],
          subsections: [
            { id: 'u1', heading: '评价改革', intro: [], items: [{ id: 'b', title: '深化评价改革。', body: '推进综合素质评价。' }] },
            {
              id: 'u2',
              heading: '考试改革',
              intro: [],
              items: [
                { id: 'c', title: '改进考试管理。', body: '' },
                { id: 'd', title: '压减考试次数。', body: '每学期不超过2次。' },
              ],
            },
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

  it('for a plan whose items sit in one untitled section, also as the .docx prints it (no 一、 label)', () => {
    const plan: Plan = {
      title: '2025年某校工作计划',
      preamble: [],
      sections: [
        {
          id: 's',
          heading: '',
          intro: [],
          items: [
            { id: 'a', title: '加强管理。', body: '第一段。\n分三步推进\n第三段。' },
            { id: 'b', title: '提高质量。', body: '' },
            { id: 'c', title: '办好课后服务。', body: '每天两小时。' },
          ],
          subsections: [],
        },
      ],
      meta: { year: 2025 },
    }
    const text = renderPlanText(plan)
    expect(withoutIds(importText(text).plan)).toEqual(withoutIds(plan))
    expect(withoutIds(importText(text.replace('\n一、\n', '\n')).plan)).toEqual(withoutIds(plan))
  })

  it('for items whose titles are heading lines without 。', () => {
    const plan: Plan = {
      title: '2025年某校教务工作计划',
      preamble: [],
      sections: [
        {
          id: 's',
          heading: '常规管理',
          intro: [],
          items: [
            { id: 'a', title: '加强集体备课', body: '各教研组每周活动一次。' },
            { id: 'b', title: '规范作业布置', body: '' },
          ],
          subsections: [],
        },
      ],
      meta: { year: 2025 },
    }
    expect(withoutIds(importText(renderPlanText(plan)).plan)).toEqual(withoutIds(plan))
  })

  it('for a draft whose section holds only empty sub-sections', () => {
    const plan: Plan = {
      title: '2025年某区教育工作要点',
      preamble: [],
      sections: [
        { id: 's1', heading: '加强党建', intro: [], items: [{ id: 'a', title: '坚持党建引领。', body: '' }], subsections: [] },
        {
          id: 's2',
          heading: '推进改革',
          intro: [],
          items: [],
          subsections: [
            { id: 'u1', heading: '评价改革', intro: [], items: [] },
            { id: 'u2', heading: '考试改革', intro: [], items: [] },
          ],
        },
      ],
      meta: { level: 'district', year: 2025 },
    }
    expect(withoutIds(importText(renderPlanText(plan)).plan)).toEqual(withoutIds(plan))
  })

  it.each([
    ['a Chinese title cut mid-line', ['2025年某区关于进一步加强中小学', '心理健康教育的实施意见'], '2025年某区关于进一步加强中小学心理健康教育的实施意见'],
    ['a title over three lines', ['2025年某区教育局', '关于深化课堂教学改革的', '工作要点'], '2025年某区教育局关于深化课堂教学改革的工作要点'],
    ['an English title', ['Riverside School Work Plan for', '2025 Spring Term Plan'], 'Riverside School Work Plan for 2025 Spring Term Plan'],
  ])('for %s broken across lines', (_name, lines, title) => {
    const { plan } = importText(`${lines.join('\n')}\n前言。\n一、目标\n1.甲条。内容。\n`)
    expect(plan.title).toBe(title)
    expect(plan.preamble).toEqual(['前言。'])
  })
})

describe('joinWords', () => {
  it('keeps a space between Latin words and none inside Chinese text', () => {
    expect(joinWords('Work Plan for', '2025')).toBe('Work Plan for 2025')
    expect(joinWords('2025年某区', '教育工作要点')).toBe('2025年某区教育工作要点')
    expect(joinWords('推进AI', '教育')).toBe('推进AI教育')
  })
})

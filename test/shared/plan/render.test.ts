import { describe, expect, it } from 'vitest'
import { renderPlanText } from '../../../shared/plan/render.ts'
import type { Plan } from '../../../shared/plan/types.ts'

describe('renderPlanText', () => {
  it('prints the notice, title, preamble, numbered sections, sub-sections and items, and the closing, one paragraph per line', () => {
    const plan: Plan = {
      title: '2025年某区教育工作要点',
      notice: {
        title: '关于印发《2025年某区教育工作要点》的通知',
        docNumber: '某教〔2025〕1号',
        addressee: '各学校',
        body: ['现将要点印发给你们。'],
        attachment: '2025年某区教育工作要点',
        issuer: '某区教育局',
        date: '2025年1月2日',
      },
      preamble: ['前言。'],
      sections: [
        { id: 's1', heading: '加强党建', intro: [], items: [{ id: 'a', title: '甲。', body: '第一段。\n第二段。' }], subsections: [] },
        { id: 's2', heading: '推进改革', intro: ['说明。'], items: [], subsections: [{ id: 'u', heading: '评价', intro: [], items: [{ id: 'b', title: '乙。', body: '' }] }] },
      ],
      closing: { issuer: '某区教育局', date: '2025年1月2日' },
      meta: {},
    }
    expect(renderPlanText(plan)).toBe(
      [
        '关于印发《2025年某区教育工作要点》的通知',
        '某教〔2025〕1号',
        '各学校：',
        '现将要点印发给你们。',
        '附件：2025年某区教育工作要点',
        '某区教育局',
        '2025年1月2日',
        '',
        '2025年某区教育工作要点',
        '前言。',
        '一、加强党建',
        '1.甲。第一段。',
        '第二段。',
        '二、推进改革',
        '说明。',
        '（一）评价',
        '2.乙。',
        '某区教育局',
        '2025年1月2日',
      ].join('\n') + '\n',
    )
  })

  it('numbers the eleventh section 十一、 and never prints guidance or carried flags', () => {
    const sections = Array.from({ length: 11 }, (_, i) => ({
      id: `s${i}`,
      heading: `部分${i + 1}`,
      guidance: '提示不打印',
      intro: [],
      items: [{ id: `i${i}`, title: '条目。', body: '', carried: true }],
      subsections: [],
    }))
    const text = renderPlanText({ title: '要点', preamble: [], sections, meta: {} })
    expect(text).toContain('\n十一、部分11\n11.条目。\n')
    expect(text).not.toContain('提示不打印')
  })
})

import { describe, expect, it } from 'vitest'
import { PlanError } from '../../../shared/plan/errors.ts'
import { parsePlanJson, PLAN_JSON_FORMAT, toPlanJson } from '../../../shared/plan/planJson.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'

const PLAN: Plan = {
  title: '2025年某区教育工作要点',
  preamble: ['前言。'],
  sections: [
    {
      id: 's1',
      heading: '加强党建',
      intro: [],
      items: [
        { id: 'a', title: '甲。', body: '' },
        { id: 'b', title: '乙。', body: '内容。', carried: true },
      ],
      subsections: [],
    },
    {
      id: 's2',
      heading: '推进改革',
      guidance: '写改革任务。',
      intro: ['说明。'],
      items: [{ id: 'c', title: '丙。', body: '' }],
      subsections: [
        { id: 'u1', heading: '评价', intro: [], items: [{ id: 'd', title: '丁。', body: '' }] },
        { id: 'u2', heading: '考试', intro: [], items: [{ id: 'e', title: '戊。', body: '' }] },
      ],
    },
  ],
  meta: { level: 'district', year: 2025 },
}

describe('toPlanJson', () => {
  it('numbers items continuously across sections and sub-sections, and sections and sub-sections in Chinese numerals', () => {
    const json = toPlanJson(PLAN)
    expect(json.format).toBe(PLAN_JSON_FORMAT)
    expect(json.sections.map((s) => s.number)).toEqual(['一', '二'])
    expect(json.sections[0].items.map((i) => [i.id, i.number])).toEqual([
      ['a', 1],
      ['b', 2],
    ])
    expect(json.sections[1].items.map((i) => [i.id, i.number])).toEqual([['c', 3]])
    expect(json.sections[1].subsections.map((u) => [u.number, u.items.map((i) => [i.id, i.number])])).toEqual([
      ['一', [['d', 4]]],
      ['二', [['e', 5]]],
    ])
  })

  it('numbers the 30 items of seed 000 from 1 to 30', () => {
    const json = toPlanJson(districtSeed())
    expect(json.sections.flatMap((s) => s.items.map((i) => i.number))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect(json.sections.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八'])
  })

  it('carries the warnings it is given and marks only carried items', () => {
    const json = toPlanJson(PLAN, [{ code: 'truncated', message: '文档在句中结束' }])
    expect(json.warnings).toEqual([{ code: 'truncated', message: '文档在句中结束' }])
    expect(json.sections[0].items.map((i) => i.carried)).toEqual([undefined, true])
    expect(json.sections[1].guidance).toBe('写改革任务。')
  })
})

describe('parsePlanJson', () => {
  it('gives the plan back from its Plan JSON, as an object or as text', () => {
    for (const plan of [PLAN, districtSeed(), municipalSeed()]) {
      const json = toPlanJson(plan, [{ code: 'x', message: '提示' }])
      expect(parsePlanJson(json)).toEqual({ plan, warnings: [{ code: 'x', message: '提示' }] })
      expect(parsePlanJson(JSON.stringify(json)).plan).toEqual(plan)
    }
  })

  it('ignores the numbers in its input: they follow from order', () => {
    const json = toPlanJson(PLAN)
    json.sections[0].items[0].number = 99
    json.sections[0].number = '九'
    const { plan } = parsePlanJson(json)
    expect(toPlanJson(plan).sections[0].items[0].number).toBe(1)
    expect(toPlanJson(plan).sections[0].number).toBe('一')
  })

  it.each([
    ['text that is not JSON', '{"title": '],
    ['an array', '[]'],
    ['a plan without sections', '{"title": "x"}'],
    ['an item without an id', '{"title": "x", "sections": [{"id": "s", "heading": "h", "items": [{"title": "t"}]}]}'],
    ['a level that does not exist', '{"title": "x", "sections": [], "meta": {"level": "province"}}'],
    ['a year that is not a number', '{"title": "x", "sections": [], "meta": {"year": "2025"}}'],
  ])('refuses %s with a PlanError naming the place', (_what, text) => {
    let error: unknown
    try {
      parsePlanJson(text)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(PlanError)
    expect((error as PlanError).code).toBe('invalid-plan-json')
    expect((error as PlanError).message).toMatch(/^Plan JSON 无效：/)
  })
})

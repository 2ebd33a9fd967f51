import { describe, expect, it } from 'vitest'
import { carryForward, shiftYears } from '../../../shared/plan/carryForward.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed } from '../../utils/seeds.ts'

describe('carryForward', () => {
  const last = districtSeed()
  const draft = carryForward(last)

  it('keeps every section and item id so that later diffs match exactly', () => {
    expect(draft.sections.map((s) => s.id)).toEqual(last.sections.map((s) => s.id))
    expect(allItems(draft).map((i) => i.id)).toEqual(allItems(last).map((i) => i.id))
  })

  it('carries every item over unchanged and marks each one as carried', () => {
    expect(allItems(draft)).toHaveLength(30)
    expect(allItems(draft).every((i) => i.carried === true)).toBe(true)
    expect(allItems(draft).map((i) => [i.title, i.body])).toEqual(allItems(last).map((i) => [i.title, i.body]))
  })

  it('moves the year in the title, the notice and the metadata on', () => {
    expect(draft.title).toBe('2022年下半年闵行教育工作要点')
    expect(draft.meta).toEqual({ ...last.meta, year: 2022 })
    expect(draft.notice?.body).toEqual(['现将《2022年下半年闵行教育工作要点》印发给你们，请结合本单位实际，认真按照执行。'])
    expect(draft.notice?.attachment).toBe('2022年下半年闵行教育工作要点')
  })

  it('clears the issue dates: the draft has not been issued', () => {
    expect(last.notice?.date).toBe('2021年9月14日')
    expect(draft.notice?.date).toBeUndefined()
    expect(draft.notice?.issuer).toBe('上海市闵行区教育局')
    const withClosing: Plan = { ...last, closing: { issuer: '上海市闵行区教育局', date: '2021年9月14日' } }
    expect(carryForward(withClosing).closing).toEqual({ issuer: '上海市闵行区教育局' })
  })

  it('leaves the plan it was given untouched', () => {
    expect(last.title).toBe('2021年下半年闵行教育工作要点')
    expect(allItems(last).some((i) => i.carried)).toBe(false)
  })

  it('moves on by several years when asked', () => {
    expect(carryForward(last, { years: 3 }).title).toBe('2024年下半年闵行教育工作要点')
  })
})

describe('shiftYears', () => {
  it('moves every year on, school years included, and leaves other numbers alone', () => {
    expect(shiftYears('2021-2022学年第一学期工作计划', 1)).toBe('2022-2023学年第一学期工作计划')
    expect(shiftYears('2024年上海市教育委员会工作要点', 1)).toBe('2025年上海市教育委员会工作要点')
    expect(shiftYears('新开办7所学校，12345人', 1)).toBe('新开办7所学校，12345人')
  })
})

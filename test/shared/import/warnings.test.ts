import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'

const codes = (text: string): string[] => importText(text).warnings.map((w) => w.code)

describe('import warnings', () => {
  it('warns about a document that ends mid-sentence and quotes its last words', () => {
    const { warnings } = importText('2025年工作要点\n一、安全\n1.做好安全工作。内容一。\n2.加强管理。内容二，并且')
    expect(warnings).toEqual([{ code: 'truncated', message: '文档在句中结束，可能不完整：“内容二，并且”' }])
  })

  it('does not warn about truncation when the text ends with a sentence or a closing', () => {
    expect(codes('2025年工作要点\n一、安全\n1.做好安全工作。内容一。\n')).not.toContain('truncated')
    expect(codes('2025年工作要点\n一、安全\n1.做好安全工作。内容一。\n上海市某区教育局\n2025年1月5日\n')).not.toContain('truncated')
  })

  it('warns about a gap in item numbers and keeps every item', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安全\n1.甲条。内容。\n2.乙条。内容。\n4.丁条。内容。\n')
    expect(itemPlaces(plan).map((p) => p.item.title)).toEqual(['甲条。', '乙条。', '丁条。'])
    expect(warnings).toEqual([{ code: 'numbering-gap', message: '编号不连续：第2条之后是第4条' }])
  })

  it('warns about a repeated item number and keeps both items', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安全\n1.甲条。内容。\n2.乙条。内容。\n2.丙条。内容。\n3.丁条。内容。\n')
    expect(itemPlaces(plan).map((p) => p.item.title)).toEqual(['甲条。', '乙条。', '丙条。', '丁条。'])
    expect(warnings).toEqual([{ code: 'numbering-repeat', message: '编号重复：第2条之后是第2条' }])
  })

  it('warns about a gap in section numerals', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安全\n1.甲条。内容。\n三、改革\n2.乙条。内容。\n')
    expect(plan.sections.map((s) => s.heading)).toEqual(['安全', '改革'])
    expect(warnings.map((w) => w.code)).toEqual(['numbering-gap'])
    expect(warnings[0].message).toContain('三、')
  })

  it('numbers items continuously when the source restarts at 1 in each section, and says so', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安全\n1.甲条。内容。\n2.乙条。内容。\n二、改革\n1.丙条。内容。\n2.丁条。内容。\n')
    expect(itemPlaces(plan).map((p) => `${p.number}${p.item.title}`)).toEqual(['1甲条。', '2乙条。', '3丙条。', '4丁条。'])
    expect(warnings.map((w) => w.code)).toEqual(['numbering-restarts'])
  })

  it('warns about an item whose first sentence is too long to be a lead sentence and keeps its text as body', () => {
    const long = '加强管理，推进各项工作落实到位，确保全年目标任务圆满完成，全面提升学校管理水平和办学质量，为学生提供更好的学习环境和成长条件，不断满足人民群众对优质教育的需求和期盼，努力办好人民满意的教育。'
    expect(long.indexOf('。')).toBeGreaterThan(80)
    const { plan, warnings } = importText(`2025年工作要点\n一、安全\n1.做好安全工作。内容一。\n2.${long}\n`)
    const second = itemPlaces(plan)[1].item
    expect(second.title).toBe('')
    expect(second.body).toBe(long)
    expect(warnings).toEqual([{ code: 'item-without-title', message: '第 2 条没有开头的标题句（以“。”结束的第一句）' }])
  })

  it('warns about an item whose first paragraph has no sentence end', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安全\n1.加强管理，分三方面推进：\n（1）安全巡查全覆盖。\n2.深化改革。内容。\n')
    expect(itemPlaces(plan).map((p) => p.item.title)).toEqual(['', '深化改革。'])
    expect(itemPlaces(plan)[0].item.body).toBe('加强管理，分三方面推进：\n（1）安全巡查全覆盖。')
    expect(warnings.map((w) => w.code)).toEqual(['item-without-title'])
  })

  it('warns when there are items but no section headings, putting them in one unnamed section', () => {
    const { plan, warnings } = importText('2025年工作要点\n前言。\n1.甲条。内容。\n2.乙条。内容。\n')
    expect(plan.sections).toHaveLength(1)
    expect(plan.sections[0].heading).toBe('')
    expect(plan.sections[0].items.map((i) => i.title)).toEqual(['甲条。', '乙条。'])
    expect(warnings.map((w) => w.code)).toContain('no-sections')
  })

  it('warns when there are sections but no items', () => {
    expect(codes('2025年工作要点\n一、安全\n做好安全工作。\n二、改革\n深化改革。\n')).toContain('no-items')
  })

  it('warns when no title can be found', () => {
    expect(codes('这是第一句。这是第二句。\n一、安全\n1.甲条。内容。\n')).toContain('no-title')
  })

  it('gives every warning a Chinese message', () => {
    const { warnings } = importText('《2025年工作要点.docx》由会员分享,可在线阅读\n2025年工作要点\n一、安 全\n1.甲条.内容.\n3.丙条。内容，')
    expect(warnings.length).toBeGreaterThanOrEqual(4)
    for (const w of warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

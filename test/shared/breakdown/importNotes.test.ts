import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { allItems } from '../../../shared/plan/numbering.ts'

const TEXT = `2025年某区教育工作要点

一、坚持党建引领
1.加强机关党建。落实“三会一课”制度。（责任科室：组干科、机关党委）
2.深化清廉学校建设。开展廉洁文化进校园活动。
牵头单位：纪检监察室；配合单位：各中小学；完成时限：2025年12月底
二、办好人民满意教育
3.推进学前教育普惠发展。新增普惠性托位300个。（牵头单位：基教科；配合单位：计财科、发展规划科；完成时限：第二季度）
`

describe('text import moves responsibility notes into the 任务分解 fields', () => {
  it('gives each item its fields and leaves no note in the text', () => {
    const { plan, warnings } = importText(TEXT)
    const items = allItems(plan)
    expect(items.map((i) => i.breakdown)).toEqual([
      { lead: ['组干科', '机关党委'] },
      { lead: ['纪检监察室'], support: ['各中小学'], deadline: '2025年12月底' },
      { lead: ['基教科'], support: ['计财科', '发展规划科'], deadline: '第二季度' },
    ])
    for (const item of items) expect(`${item.title}${item.body}`).not.toMatch(/牵头|配合|责任科室|完成时限/)
    expect(warnings.some((w) => w.code === 'breakdown-notes')).toBe(true)
  })
})

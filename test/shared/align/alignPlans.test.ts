import { describe, expect, it } from 'vitest'
import { alignPlans } from '../../../shared/align/alignPlans.ts'
import { conceptHits } from '../../../shared/align/concepts.ts'
import { contentRuns } from '../../../shared/align/contentRuns.ts'
import { quotedTerms } from '../../../shared/align/quotedTerms.ts'
import { item, planOf } from './helpers.ts'

const municipal = planOf([
  item('增加普惠性托育资源供给。', '全年新增不少于3000个公办幼儿园托额，推动社区托育“宝宝屋”提供免费照护服务。', 'm1'),
  item('加强学生心理健康服务。', '完善学生心理危机风险发现预警、干预处置机制。深入实施医教结合项目。', 'm2'),
  item('开展“双减”治理工作。', '优化校外培训机构综合治理体系，提高课后服务质量。', 'm3'),
  item('加强特殊教育和民族教育。', '深化推进融合教育，加强随班就读管理和服务。', 'm4'),
])

describe('content runs', () => {
  it('cuts generic words and punctuation out of the text', () => {
    expect(contentRuns('加强学生心理健康教育，推进医教结合工作。').map((r) => r.text)).toEqual(['学生心理健康教育', '医教结合'])
  })

  it('keeps the place of each run in the source text', () => {
    const text = '加强托育机构日常监管。'
    for (const run of contentRuns(text)) expect(text.slice(run.start, run.start + run.text.length)).toBe(run.text)
  })
})

describe('synonym concepts and marked terms', () => {
  it('maps different spellings of one concept together', () => {
    expect([...conceptHits('确保50%以上幼儿园开设托班').keys()]).toContain('托育')
    expect([...conceptHits('增加普惠性托育资源供给').keys()]).toContain('托育')
    expect(conceptHits('完善各学段一体化德育内容框架').get('思政')?.variants).toEqual(['德育'])
  })

  it('takes the longest variant at a place (心理健康, not 心理)', () => {
    expect(conceptHits('加强心理健康教育').get('心理健康')).toMatchObject({ count: 1, variants: ['心理健康'] })
  })

  it('finds quoted terms and document titles', () => {
    expect(quotedTerms('落实“双减”要求，实施《闵行区学前教育三年行动计划》')).toEqual(['“双减”', '《闵行区学前教育三年行动计划》'])
  })
})

describe('alignPlans', () => {
  it('ranks first the municipal item that shares the key terms', () => {
    const district = planOf([
      item('落实“双减”实施意见。', '全面规范校外培训机构管理，提升学校课后服务水平。', 'd1'),
      item('加强学生心理健康教育。', '完善三级危机干预体系建设，推进医教结合工作。', 'd2'),
      item('促进特殊教育融合发展。', '提升随班就读学校资源教室的配置规模和使用效率。', 'd3'),
    ])
    const a = alignPlans(district, municipal)
    expect(a.items.map((it) => it.candidates[0].municipalId)).toEqual(['m3', 'm2', 'm4'])
    expect(a.items.every((it) => it.aligned)).toBe(true)
  })

  it('matches through synonyms when the wording differs (托班 ↔ 托育)', () => {
    const district = planOf([item('推进托幼一体化。', '确保50%以上幼儿园开设托班。', 'd1')])
    const top = alignPlans(district, municipal).items[0].candidates[0]
    expect(top.municipalId).toBe('m1')
    expect(top.terms.some((t) => t.includes('托'))).toBe(true)
  })

  it('explains a match with the shared quoted term first', () => {
    const district = planOf([item('落实“双减”实施意见。', '规范校外培训机构管理。', 'd1')])
    expect(alignPlans(district, municipal).items[0].candidates[0].terms[0]).toBe('“双减”')
  })

  it('reports an item about something the municipal plan does not mention as unaligned', () => {
    const district = planOf([item('促进财务精细化管理。', '完善各项财务内控规范，做好专项预算绩效跟踪评价。', 'd1')])
    const a = alignPlans(district, municipal)
    expect(a.items[0].aligned).toBe(false)
  })

  it('weighs a match of lead sentences more than the same match in a body', () => {
    const m = planOf([item('加强学生心理健康服务。', '开展宣传活动。', 'mt'), item('开展宣传活动。', '加强学生心理健康服务。', 'mb')])
    const d = planOf([item('加强学生心理健康教育。', '', 'd1')])
    const [first, second] = alignPlans(d, m).items[0].candidates
    expect(first.municipalId).toBe('mt')
    expect(first.score).toBeGreaterThan(second.score)
  })

  it('does not score a pair on generic words alone', () => {
    const d = planOf([item('加强建设，推进落实。', '深化完善各项工作，全面提升发展水平。', 'd1')])
    expect(alignPlans(d, municipal).items[0].candidates).toEqual([])
  })

  it('gives a full score matrix of district × municipal items and copes with empty plans', () => {
    const d = planOf([item('加强学生心理健康教育。', '', 'd1'), item('', '', 'd2')])
    const a = alignPlans(d, municipal)
    expect(a.scores).toHaveLength(2)
    expect(a.scores[0]).toHaveLength(4)
    expect(a.items[1]).toMatchObject({ aligned: false, candidates: [] })
    expect(alignPlans(planOf([]), planOf([])).items).toEqual([])
  })
})

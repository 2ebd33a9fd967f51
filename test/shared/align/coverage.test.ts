import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { alignPlans } from '../../../shared/align/alignPlans.ts'
import { coverageReport } from '../../../shared/align/coverage.ts'
import { splitTasks } from '../../../shared/align/splitTasks.ts'
import { bigramProfile, profileSimilarity, similarityBound, textSimilarity } from '../../../shared/text/similarity.ts'
import { markLocal, readLinks, setLink } from '../../../shared/collab/links.ts'
import { item, planOf } from './helpers.ts'
import { loadSeeds } from './seedMetrics.ts'

const m1 = item('加强学生心理健康服务。', '完善学生心理危机风险发现预警、干预处置机制。深入实施医教结合项目，畅通心理危机学生医疗转介机制。做好中学民族班教育工作。', 'm1')
const m2 = item('加强学校体育工作。', '推进学校体育场地向社会应开尽开。', 'm2')
const municipal = planOf([m1, m2])
const d1 = item('加强学生心理健康教育。', '完善三级心理危机干预体系建设，健全预警机制。推进医教结合工作，组织心理医生进校园。', 'd1')
const d2 = item('促进财务精细化管理。', '完善各项财务内控规范。', 'd2')
const d3 = item('推进依法治教。', '深入推进青少年法治宣传教育。', 'd3')

describe('splitTasks', () => {
  it('splits a body into sentences and clauses at 。 and ；', () => {
    expect(splitTasks('建设心理健康教育精品课程；完善预警机制。开展心理健康宣传。')).toEqual(['建设心理健康教育精品课程；', '完善预警机制。', '开展心理健康宣传。'])
  })

  it('joins a fragment too short to be a task to the previous one', () => {
    expect(splitTasks('建设一批心理健康教育精品课程。等。')).toEqual(['建设一批心理健康教育精品课程。等。'])
  })
})

describe('coverageReport', () => {
  it('lists municipal items, tasks and district items that no link covers', () => {
    const report = coverageReport(alignPlans(planOf([d1, d2]), municipal))
    expect(report.uncovered.map((r) => r.id)).toEqual(['m2'])
    expect(report.unlinked.map((r) => r.id)).toEqual(['d2'])
    const tasks = report.tasks.filter((t) => t.municipalId === 'm1')
    expect(tasks.map((t) => [t.text.slice(0, 6), t.verdict, t.covered, t.by])).toEqual([
      ['完善学生心理', 'partial', false, [1]],
      ['深入实施医教', 'partial', false, [1]],
      ['做好中学民族', 'none', false, []],
    ])
    expect(tasks[0].evidence?.sentence).toContain('心理危机干预')
  })

  it('counts an accepted link even when its score is weak, and drops a rejected suggestion', () => {
    const doc = new Y.Doc()
    setLink(doc, { districtItem: d3, municipalItem: m2, status: 'accepted', by: 'u1' })
    setLink(doc, { districtItem: d1, municipalItem: m1, status: 'rejected', by: 'u1' })
    const report = coverageReport(alignPlans(planOf([d1, d3]), municipal), readLinks(doc))
    expect(report.links.map((l) => [l.districtId, l.municipalId, l.source])).toEqual([['d3', 'm2', 'accepted']])
    expect(report.uncovered.map((r) => r.id)).toEqual(['m1'])
    expect(report.unlinked.map((r) => r.id)).toEqual(['d1'])
  })

  it('does not ask for a counterpart of an item marked local', () => {
    const doc = new Y.Doc()
    markLocal(doc, d2, 'u1')
    const report = coverageReport(alignPlans(planOf([d1, d2]), municipal), readLinks(doc))
    expect(report.unlinked).toEqual([])
    expect(report.local.map((r) => r.id)).toEqual(['d2'])
  })

  it('flags a confirmed link whose district item was rewritten, but not one that was touched up', () => {
    const doc = new Y.Doc()
    setLink(doc, { districtItem: d1, municipalItem: m1, status: 'accepted', by: 'u1' })
    const touched = { ...d1, body: d1.body + '提高全体教师开展心理健康教育能力。' }
    expect(coverageReport(alignPlans(planOf([touched]), municipal), readLinks(doc)).suspect).toEqual([])
    const rewritten = { ...d1, title: '加强学生体质健康监测。', body: '开展学生体质健康测试，推进学校体育场地开放。' }
    const [suspect] = coverageReport(alignPlans(planOf([rewritten]), municipal), readLinks(doc)).suspect
    expect(suspect).toMatchObject({ districtItemId: 'd1', municipalItemId: 'm1', district: 1, municipal: 1 })
    expect(suspect.districtSimilarity).toBeLessThan(0.6)
    expect(suspect.message).toContain('区级第1条')
  })

  it('flags a confirmed link whose district item was deleted', () => {
    const doc = new Y.Doc()
    setLink(doc, { districtItem: d2, municipalItem: m1, status: 'accepted', by: 'u1' })
    const [suspect] = coverageReport(alignPlans(planOf([d1]), municipal), readLinks(doc)).suspect
    expect(suspect.message).toContain('已删除')
  })

  it('finds on the seeds that comprehensive reform (municipal 7) is not carried out and the 宝宝屋 task is only partly (district 3 gives 育儿指导, not 宝宝屋 care)', () => {
    const { district, municipal: m } = loadSeeds()
    const report = coverageReport(alignPlans(district, m))
    expect(report.uncovered.map((r) => r.number)).toContain(7)
    const babyHouse = report.tasks.find((t) => t.municipal === 11 && t.text.includes('宝宝屋'))
    expect(babyHouse).toMatchObject({ verdict: 'partial', covered: false })
    expect(babyHouse?.by).toContain(3)
    expect(report.tasks.find((t) => t.text.includes('民族班'))).toMatchObject({ verdict: 'none', covered: false, by: [] })
    expect(report.unlinked.map((r) => r.number)).toEqual(expect.arrayContaining([25, 27, 30]))
  })
})

describe('textSimilarity', () => {
  it('is 1 for equal texts, high for a small edit and low for a rewrite', () => {
    const a = '完善三级危机干预体系建设，健全预警机制。'
    expect(textSimilarity(a, a)).toBe(1)
    expect(textSimilarity(a, a.replace('三级', '四级'))).toBeGreaterThan(0.8)
    expect(textSimilarity(a, '开展学生体质健康测试，推进学校体育场地开放。')).toBeLessThan(0.2)
  })

  it('compares precomputed profiles exactly as it compares texts, within the bound their sizes allow', () => {
    const a = '完善三级危机干预体系建设，健全预警机制。'
    const b = '健全 预警机制，完善危机干预。'
    // By hand: a has 19 bigrams, b has 13 (the space is dropped); they share 完善 危机 机干 干预 健全 全预 预警 警机 机制 = 9 (b has 制， and 预。, a has 制。).
    expect(profileSimilarity(bigramProfile(a), bigramProfile(b))).toBeCloseTo((2 * 9) / (19 + 13), 10)
    expect(textSimilarity(a, b)).toBe(profileSimilarity(bigramProfile(a), bigramProfile(b)))
    expect(similarityBound(bigramProfile(a), bigramProfile(b))).toBeCloseTo((2 * 13) / 32, 10)
    expect(profileSimilarity(bigramProfile(''), bigramProfile(' '), 1)).toBe(1)
  })
})

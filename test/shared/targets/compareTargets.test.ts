import { describe, expect, it } from 'vitest'
import { compareTargets } from '../../../shared/targets/compareTargets.ts'
import { extractTargets } from '../../../shared/targets/extractTargets.ts'
import { subjectSimilarity } from '../../../shared/targets/subjectSimilarity.ts'

function compare(oldText: string, newText: string) {
  return compareTargets(extractTargets(oldText), extractTargets(newText))
}

describe('compareTargets', () => {
  it('reports a raised percentage with old and new figures', () => {
    const [c] = compare('力争公办幼儿园覆盖率达到60%。', '力争公办幼儿园覆盖率达到65%。')
    expect(c.kind).toBe('raised')
    expect(c.weaker).toBe(false)
    expect(c.description).toBe('公办幼儿园覆盖率 60% → 65%（提高）')
  })

  it('reports a lowered count as weaker', () => {
    const [c] = compare('新开办7所中小幼学校。', '新开办5所中小幼学校。')
    expect(c.kind).toBe('lowered')
    expect(c.weaker).toBe(true)
  })

  it('treats a higher ceiling as weaker and a lower ceiling as stronger', () => {
    expect(compare('将民办义务教育规模降至6%。', '将民办义务教育规模降至8%。')[0]).toMatchObject({ kind: 'raised', weaker: true })
    expect(compare('将民办义务教育规模降至6%。', '将民办义务教育规模降至5%。')[0]).toMatchObject({ kind: 'lowered', weaker: false })
  })

  it('matches targets whose subject was reworded but keeps different subjects apart', () => {
    const changes = compare('新开办7所中小幼学校，完成2所学校迁址。', '新开办8所中小学幼儿园，完成2所学校迁址。')
    expect(changes.map((c) => c.kind)).toEqual(['raised', 'unchanged'])
    expect(changes[0].old?.value).toBe(7)
    expect(changes[0].new?.value).toBe(8)
  })

  it('reports added and removed targets', () => {
    const changes = compare('新开办7所中小幼学校。', '引导学生掌握1-2门体育技能。')
    expect(changes.map((c) => c.kind).sort()).toEqual(['added', 'removed'])
    expect(changes.find((c) => c.kind === 'removed')?.weaker).toBe(true)
    expect(changes.map((c) => c.description).sort()).toEqual(['引导学生掌握体育技能 1-2门（新增）', '新开办中小幼学校 7所（删除）'])
  })

  it('never pairs targets with different units', () => {
    const changes = compare('新增5所学校。', '新增5个学校。')
    expect(changes.map((c) => c.kind).sort()).toEqual(['added', 'removed'])
  })

  it('reports a commitment that became a goal as a weaker change', () => {
    const [c] = compare('确保公办幼儿园覆盖率达到60%。', '力争公办幼儿园覆盖率达到60%。')
    expect(c.kind).toBe('changed')
    expect(c.weaker).toBe(true)
    expect(c.description).toBe('公办幼儿园覆盖率 达到60% → 力争达到60%（表述变化，要求放宽）')
  })

  it('compares ranges by their middle', () => {
    expect(compare('新增7-8件公共服务事项', '新增8-10件公共服务事项')[0].kind).toBe('raised')
  })

  it('pairs each target at most once', () => {
    const changes = compare('确保对全区校园安全巡查率达到100%，隐患整改率达到100%。', '确保对全区校园安全巡查率达到100%，隐患整改率达到95%。')
    expect(changes.map((c) => `${c.kind}:${c.subject}`)).toEqual(['unchanged:全区校园安全巡查率', 'lowered:隐患整改率'])
  })
})

describe('subjectSimilarity', () => {
  it('is 1 for the same subject and 0 across units', () => {
    const [a] = extractTargets('新开办7所中小幼学校')
    const [b] = extractTargets('新开办9所中小幼学校')
    const [c] = extractTargets('新开办9个中小幼学校')
    expect(subjectSimilarity(a, b)).toBe(1)
    expect(subjectSimilarity(a, c)).toBe(0)
  })
})

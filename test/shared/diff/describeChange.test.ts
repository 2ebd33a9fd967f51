import { beforeAll, describe, expect, it } from 'vitest'
import { describeChange } from '../../../shared/diff/describeChange.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import type { PlanDiff } from '../../../shared/diff/types.ts'
import { seedDraft } from './fixtures/seedDraft.ts'

let d: PlanDiff
beforeAll(() => {
  const f = seedDraft()
  d = diffPlans(f.source, f.draft)
})

function about(old: number): string {
  const e = d.items.find((x) => x.old.some((r) => r.number === old))
  if (!e) throw new Error(`no entry for old item ${old}`)
  return describeChange(e)
}

describe('describeChange', () => {
  it('names merges, splits, removals and additions with their numbers', () => {
    expect(about(6)).toBe('原第6、7条合并为第6条')
    expect(about(12)).toBe('原第12条拆分为第9、10条')
    expect(about(1)).toBe('删除原第1条')
    expect(describeChange(d.items.filter((e) => e.kind === 'added')[0])).toBe('新增第25条')
  })

  it('names the sections of a move between sections and the numbers of a move within one', () => {
    expect(about(13)).toBe('由第五部分“坚持五育并举，建构全面育人体系”移至第一部分“抓好疫情防控，加强校园安全管理”')
    expect(about(24)).toBe('调整顺序（原第24条，现第19条）')
  })

  it('lists target changes after a reworded item', () => {
    expect(about(15)).toBe('修改文字（原第15条）；指标：新开办公办幼儿园 6所 → 8所（提高）；公办幼儿园覆盖率 60% → 65%（提高）')
  })

  it('says an unchanged item was renumbered', () => {
    expect(about(3)).toBe('未修改')
    expect(about(8)).toBe('未修改（原第8条）')
  })
})

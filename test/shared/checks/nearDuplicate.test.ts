import { describe, expect, it } from 'vitest'
import { nearDuplicate } from '../../../shared/checks/nearDuplicate.ts'
import { repeatedSentence } from '../../../shared/checks/repeatedSentence.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import { item, planOf } from '../align/helpers.ts'

const body = '严格落实国家义务教育优质均衡指标，组织对“两个面积”、超校额与随迁子女教育等难点问题开展专项调研，力争通过国家督导评估验收。'

describe('nearDuplicate', () => {
  it('flags the later of two items that say nearly the same thing', () => {
    const plan = planOf([item('促进教育优质均衡。', body, 'a'), item('加强学校安全管理。', '强化校园安全管理，落实常态化安全监管。', 'b'), item('促进义务教育优质均衡。', body.replace('力争', '确保'), 'c')])
    const findings = runChecks(plan, {}, [nearDuplicate])
    expect(findings).toMatchObject([{ kind: 'near-duplicate', itemId: 'c', number: 3, severity: 'warning' }])
    expect(findings[0].message).toContain('第1条')
  })

  it('does not flag items on different subjects that share the genre’s wording', () => {
    const plan = planOf([
      item('加强学生心理健康教育。', '加强区心理健康教育中心功能，完善分析报告与反馈预警机制，推进医教结合工作。', 'a'),
      item('促进家校共育。', '持续开发家庭教育课程，完善“中心+基地+学校”的工作网络，开展家庭教育展示研讨。', 'b'),
    ])
    expect(runChecks(plan, {}, [nearDuplicate])).toEqual([])
  })
})

describe('repeatedSentence', () => {
  it('notes a sentence repeated in another item', () => {
    const plan = planOf([item('优化资源布局。', '新开办7所中小幼学校。加快筹建1所闵行区属职业技术学院。', 'a'), item('创新发展职业教育。', '深入推进产教融合。加快筹建1所闵行区属职业技术学院。', 'b')])
    expect(runChecks(plan, {}, [repeatedSentence])).toMatchObject([{ kind: 'repeated-sentence', itemId: 'b', number: 2, severity: 'info' }])
  })

  it('ignores short sentences that repeat harmlessly', () => {
    const plan = planOf([item('甲。', '做好宣传工作。', 'a'), item('乙。', '做好宣传工作。', 'b')])
    expect(runChecks(plan, {}, [repeatedSentence])).toEqual([])
  })
})

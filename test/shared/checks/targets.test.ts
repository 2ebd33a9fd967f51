import { describe, expect, it } from 'vitest'
import { applyFix } from '../../../shared/checks/applyFix.ts'
import { lowerTarget } from '../../../shared/checks/lowerTarget.ts'
import { municipalFigure } from '../../../shared/checks/municipalFigure.ts'
import { runChecks } from '../../../shared/checks/runChecks.ts'
import { item, planOf } from '../align/helpers.ts'

const prior = planOf([item('推动学前教育普惠优质。', '推进托幼一体化建设，确保50%以上幼儿园开设托班。新开办6所公办幼儿园。', 'p1')], { year: 2024 })

describe('lowerTarget', () => {
  it('flags a target lower than last year in the same item and offers last year’s figure', () => {
    const draft = planOf([item('推动学前教育普惠优质。', '推进托幼一体化建设，确保40%以上幼儿园开设托班。新开办6所公办幼儿园。', 'p1')], { year: 2025 })
    const findings = runChecks(draft, { prior }, [lowerTarget])
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'lower-target', itemId: 'p1', severity: 'warning' })
    expect(findings[0].message).toContain('50%')
    expect(applyFix(draft, findings[0].fix!)?.sections[0].items[0].body).toContain('确保50%以上幼儿园开设托班')
  })

  it('matches an item by its wording when its id is new', () => {
    const draft = planOf([item('推动学前教育普惠优质。', '推进托幼一体化建设，确保50%以上幼儿园开设托班。新开办3所公办幼儿园。', 'new')], { year: 2025 })
    expect(runChecks(draft, { prior }, [lowerTarget]).map((f) => f.itemId)).toEqual(['new'])
  })

  it('says nothing about raised targets or without a prior plan', () => {
    const draft = planOf([item('推动学前教育普惠优质。', '推进托幼一体化建设，确保60%以上幼儿园开设托班。新开办8所公办幼儿园。', 'p1')])
    expect(runChecks(draft, { prior }, [lowerTarget])).toEqual([])
    expect(runChecks(draft, {}, [lowerTarget])).toEqual([])
  })
})

describe('municipalFigure', () => {
  const municipal = planOf([item('增加普惠性托育资源供给。', '推动各科学育儿指导站提供不少于12次免费指导服务。', 'm1')])

  it('flags a district figure weaker than the municipal requirement for the same task', () => {
    const draft = planOf([item('实施学龄前儿童善育工程。', '每个街镇配备1个家庭科学育儿指导站，完成不少于6次的家庭科学育儿指导活动。', 'd1')])
    const findings = runChecks(draft, { municipal }, [municipalFigure])
    expect(findings).toMatchObject([{ kind: 'municipal-figure', itemId: 'd1', severity: 'warning' }])
    expect(findings[0].message).toContain('不少于12次')
  })

  it('accepts a district figure that meets the requirement, and unrelated figures', () => {
    const draft = planOf([item('实施学龄前儿童善育工程。', '各科学育儿指导站提供不少于15次免费指导服务。开展200人次托育机构从业人员培训。', 'd1')])
    expect(runChecks(draft, { municipal }, [municipalFigure])).toEqual([])
  })
})

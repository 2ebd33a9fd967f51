import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { instantiateTemplate, listTemplates } from '../../../server/templates/templates.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import { PlanError } from '../../../shared/plan/errors.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'

describe('templates/', () => {
  it('offers a blank plan, a district annual plan and a municipal layout, each with a Chinese title and description', () => {
    const list = listTemplates()
    expect(list.map((t) => t.name)).toEqual(['blank', 'district-annual', 'municipal'])
    for (const t of list) {
      expect(t.title).toMatch(/[\u4e00-\u9fff]/)
      expect(t.description).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('gives the district template the eight sections of seed 000, guidance for each and one or two empty items to fill', () => {
    const plan = instantiateTemplate('district-annual')
    expect(plan.sections.map((s) => s.heading)).toEqual(districtSeed().sections.map((s) => s.heading))
    for (const s of plan.sections) {
      expect(s.guidance?.length).toBeGreaterThan(20)
      expect(s.items.length).toBeGreaterThanOrEqual(1)
      expect(s.items.length).toBeLessThanOrEqual(2)
      expect(s.items.every((i) => i.title === '' && i.body === '')).toBe(true)
    }
    expect(plan.meta.level).toBe('district')
  })

  it('quotes in each district section the lead sentences seed 000 put there', () => {
    const plan = instantiateTemplate('district-annual')
    districtSeed().sections.forEach((section, i) => {
      for (const item of section.items) expect(plan.sections[i].guidance).toContain(item.title)
    })
  })

  it('gives the district template a cover notice with placeholders for what changes each year', () => {
    const notice = instantiateTemplate('district-annual').notice
    expect(notice?.title).toBe('关于印发《××××年××区教育工作要点》的通知')
    expect(notice?.addressee).toBe('各学校（幼儿园）、单位')
    expect(notice?.attachment).toBe('××××年××区教育工作要点')
    expect(notice?.issuer).toBe('上海市××区教育局')
    expect(notice?.date).toBe('××××年×月×日')
  })

  it('puts a given title into the notice and the metadata', () => {
    const plan = instantiateTemplate('district-annual', '2026年闵行教育工作要点')
    expect(plan.title).toBe('2026年闵行教育工作要点')
    expect(plan.notice?.title).toBe('关于印发《2026年闵行教育工作要点》的通知')
    expect(plan.notice?.body[0]).toContain('《2026年闵行教育工作要点》')
    expect(plan.notice?.attachment).toBe('2026年闵行教育工作要点')
    expect(plan.meta).toEqual({ level: 'district', year: 2026 })
  })

  it('gives the municipal layout the four sections of seed 001 with its item titles as reference', () => {
    const plan = instantiateTemplate('municipal')
    const seed = municipalSeed()
    expect(plan.sections.map((s) => s.heading)).toEqual(seed.sections.map((s) => s.heading))
    seed.sections.forEach((section, i) => {
      for (const item of section.items) expect(plan.sections[i].guidance).toContain(item.title)
    })
    expect(plan.meta).toEqual({ issuer: '上海市教育委员会', level: 'municipal' })
    expect(plan.notice).toBeUndefined()
  })

  it('gives fresh ids on every use, different from the ids in the file', () => {
    const a = instantiateTemplate('district-annual')
    const b = instantiateTemplate('district-annual')
    const ids = (p: typeof a): string[] => [...p.sections.map((s) => s.id), ...allItems(p).map((i) => i.id)]
    expect(new Set([...ids(a), ...ids(b)]).size).toBe(ids(a).length * 2)
    expect(ids(a)).not.toContain('s1')
  })

  it('refuses an unknown template name, listing the ones there are', () => {
    expect(() => instantiateTemplate('province')).toThrow(PlanError)
    expect(() => instantiateTemplate('province')).toThrow(/district-annual/)
  })

  it('reads templates from another folder and refuses a broken one, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'))
    writeFileSync(join(dir, 'mine.plan.json'), JSON.stringify({ template: { name: 'mine', title: '我的', description: '测试' }, title: 'T', sections: [] }))
    expect(listTemplates(dir)).toEqual([{ name: 'mine', title: '我的', description: '测试' }])
    writeFileSync(join(dir, 'broken.plan.json'), JSON.stringify({ title: 'T' }))
    expect(() => listTemplates(dir)).toThrow(/模板文件 broken.plan.json 无效：Plan JSON 无效：sections 应为数组/)
    writeFileSync(join(dir, 'broken.plan.json'), '{ "title": ')
    expect(() => listTemplates(dir)).toThrow(PlanError)
  })
})

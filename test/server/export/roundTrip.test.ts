import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { noticeTitle } from '../../../server/export/notice.ts'
import { officialDate } from '../../../server/export/officialDate.ts'
import { importDocx } from '../../../server/import/docx.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'
import { fullPagePlan, item, plan, section, subsectionPlan } from './fixtures.ts'

/** What the export prints of a plan: everything but ids, meta and drafting guidance. */
function printed(p: Plan): unknown {
  const items = (list: PlanItem[]): unknown => list.map((i) => ({ title: i.title, body: i.body }))
  return {
    title: p.title,
    preamble: p.preamble,
    sections: p.sections.map((s) => ({
      heading: s.heading,
      intro: s.intro,
      items: items(s.items),
      subsections: s.subsections.map((u) => ({ heading: u.heading, intro: u.intro, items: items(u.items) })),
    })),
    closing: p.closing && { ...p.closing, ...(p.closing.date ? { date: officialDate(p.closing.date) } : {}) },
  }
}

/** The notice as the export prints it: the derived title, the plan title as attachment when none is given, dates unpadded. */
function printedNotice(p: Plan): unknown {
  const n = p.notice
  if (!n) return undefined
  return { ...n, title: noticeTitle(n, p.title), attachment: n.attachment ?? p.title, ...(n.date ? { date: officialDate(n.date) } : {}) }
}

async function roundTrip(p: Plan, notice = true): Promise<Plan> {
  return (await importDocx(await exportDocx(p, { notice }))).plan
}

const FIXTURES: [string, () => Plan][] = [
  ['the district seed', districtSeed],
  ['the municipal seed', municipalSeed],
  ['a plan with sub-sections, intros, several body paragraphs and a closing', subsectionPlan],
  ['a plan of long Han-only bodies', fullPagePlan],
]

describe('export then import gives the plan back', () => {
  for (const [name, make] of FIXTURES) {
    it(`keeps sections, items, titles and bodies of ${name}`, async () => {
      const original = make()
      const back = await roundTrip(original)
      expect(printed(back)).toEqual(printed(original))
      expect(back.notice).toEqual(printedNotice(original))
    })
  }

  it('keeps the plan when the notice is left out', async () => {
    const original = districtSeed()
    const back = await roundTrip(original, false)
    expect(printed(back)).toEqual(printed(original))
    expect(back.notice).toBeUndefined()
  })

  it('keeps a notice with a 发文字号, an explicit title and a padded date', async () => {
    const original = subsectionPlan()
    original.notice = {
      title: '关于印发《2025年闵行区教育工作要点》的通知',
      docNumber: '闵教〔2025〕3号',
      addressee: '各中小学、幼儿园，各直属单位',
      body: ['现将《2025年闵行区教育工作要点》印发给你们，请结合实际认真贯彻落实。'],
      attachment: '2025年闵行区教育工作要点',
      issuer: '上海市闵行区教育局',
      date: '2025年02月18日',
    }
    const back = await roundTrip(original)
    expect(back.notice).toEqual(printedNotice(original))
    expect(printed(back)).toEqual(printed(original))
  })

  it('keeps a long title shaped over several lines as one title', async () => {
    const title = '上海市闵行区教育局关于进一步加强中小学校园安全管理和学生心理健康教育工作的实施意见'
    const original = plan({ title, sections: [section('总体要求', [item('加强校园安全管理。', '落实安全责任。')])] })
    expect((await roundTrip(original)).title).toBe(title)
  })
})

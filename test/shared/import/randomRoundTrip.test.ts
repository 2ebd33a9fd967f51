import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { renderPlanText } from '../../../shared/plan/render.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'
import { seededRandom, type SeededRandom } from '../../utils/seededRandom.ts'

// Pieces of the kinds a plan is made of; combined at random into plans the editor could hold, with a
// cover notice whose optional parts (title, 发文字号, 附件, issuer, date) are each there or not.
const HEADINGS = ['加强党的建设', '推进教育改革，激发办学活力', '建设高素质教师队伍', '促进学生全面发展', '提升教育治理水平', '办好人民满意的教育']
const LEADS = ['深化思政课改革。', '加强心理健康教育。', '扩大优质学位供给。', '推进集团化办学！', '落实“双减”要求。', '完善教师培训制度。']
const HEADING_TITLES = ['加强集体备课', '规范作业布置', '做好安全工作']
const SENTENCES = ['全年新增学位3000个。', '每所学校配备专职心理教师。', '开展区级优质课评选活动，覆盖全部学科。', '完成率达到95%以上。', '各校制定实施方案（含时间表）。']
const PLAN_TITLES = ['2026年某区教育工作要点', '2026年某校工作计划', '2026年上半年某县教育局工作安排']
const ISSUERS = ['某区教育局', '某县教育体育局', '某市教育委员会']

function pick<T>(r: SeededRandom, list: T[]): T {
  return list[r.int(list.length)]
}

function paragraphsOf(r: SeededRandom, max: number): string[] {
  return Array.from({ length: r.int(max + 1) }, () => Array.from({ length: 1 + r.int(2) }, () => pick(r, SENTENCES)).join(''))
}

function itemOf(r: SeededRandom, id: string): PlanItem {
  const headingTitle = r.int(4) === 0
  const body = paragraphsOf(r, 3)
  return { id, title: headingTitle ? pick(r, HEADING_TITLES) : pick(r, LEADS), body: body.join('\n') }
}

/** A random plan: one untitled section or several titled ones, with or without sub-sections, intros and a preamble. */
function randomPlan(r: SeededRandom): Plan {
  let n = 0
  const items = (k: number): PlanItem[] => Array.from({ length: k }, () => itemOf(r, `i${n++}`))
  const untitled = r.int(4) === 0
  const sections = untitled
    ? [{ id: 's0', heading: '', intro: [], items: items(1 + r.int(5)), subsections: [] }]
    : Array.from({ length: 1 + r.int(4) }, (_, s) => {
        const subs = r.int(3) === 0 ? Array.from({ length: 1 + r.int(2) }, (_, u) => ({ id: `u${s}${u}`, heading: pick(r, HEADINGS), intro: paragraphsOf(r, 1), items: items(1 + r.int(3)) })) : []
        return { id: `s${s}`, heading: pick(r, HEADINGS), intro: paragraphsOf(r, 1), items: subs.length && r.int(2) ? [] : items(1 + r.int(4)), subsections: subs }
      })
  const title = pick(r, PLAN_TITLES)
  const plan: Plan = { title, preamble: paragraphsOf(r, 2), sections, meta: {} }
  if (r.int(3) === 0) plan.notice = noticeOf(r, title)
  if (r.int(3) === 0) plan.closing = { issuer: pick(r, ISSUERS), date: '2026年2月3日' }
  return plan
}

/** A cover notice with each optional field present or not; the addressee and body are always there. */
function noticeOf(r: SeededRandom, title: string): NonNullable<Plan['notice']> {
  const notice: NonNullable<Plan['notice']> = { addressee: '各中小学、幼儿园', body: [`现将《${title}》印发给你们，请认真贯彻执行。`] }
  if (r.int(2)) notice.title = r.int(2) ? `关于印发《${title}》的通知` : `${pick(r, ISSUERS)}关于印发《${title}》的通知`
  if (r.int(2)) notice.docNumber = '某教〔2026〕8号'
  if (r.int(4)) notice.attachment = title
  if (r.int(2)) notice.issuer = pick(r, ISSUERS)
  if (r.int(2)) notice.date = '2026年2月1日'
  return notice
}

function outline(plan: Plan): unknown {
  return {
    title: plan.title,
    notice: plan.notice,
    closing: plan.closing,
    preamble: plan.preamble,
    sections: plan.sections.map((s) => ({
      heading: s.heading,
      intro: s.intro,
      items: s.items.map((i) => [i.title, i.body]),
      subsections: s.subsections.map((u) => ({ heading: u.heading, intro: u.intro, items: u.items.map((i) => [i.title, i.body]) })),
    })),
  }
}

const random = seededRandom()

describe(`import(render(plan)) gives the plan back for random plans (TEST_SEED=${random.seed})`, () => {
  it('for 300 plans: same notice, title, preamble, headings, intros, item titles and bodies, closing', () => {
    for (let k = 0; k < 300; k++) {
      const plan = randomPlan(random)
      expect(outline(importText(renderPlanText(plan)).plan), `plan ${k}:\n${renderPlanText(plan)}`).toEqual(outline(plan))
    }
  })
})

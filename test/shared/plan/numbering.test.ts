import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { numberLabels } from '../../../shared/editor/extensions/numberLabels.ts'
import { itemPlaces, planOutline, printsSectionLabels } from '../../../shared/plan/numbering.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { renderPlanText } from '../../../shared/plan/render.ts'
import type { Plan, PlanItem } from '../../../shared/plan/types.ts'
import { reviewModel, type SectionView } from '../../../shared/review/reviewModel.ts'
import { reviewRows } from '../../../shared/review/reviewRows.ts'
import { planState } from '../../utils/pmState.ts'

const item = (id: string, title: string): PlanItem => ({ id, title, body: '落实相关工作。' })

/** An untitled section holding an untitled sub-section, then a titled section with an untitled sub-section. */
function untitledPlan(): Plan {
  return {
    title: '工作要点',
    preamble: [],
    meta: {},
    sections: [
      {
        id: 's1',
        heading: '',
        intro: [],
        items: [item('a', '加强党建工作。')],
        subsections: [
          { id: 'u1', heading: '', intro: [], items: [item('b', '推进课程改革。')] },
          { id: 'u2', heading: '深化评价改革', intro: [], items: [item('c', '完善评价体系。')] },
        ],
      },
      { id: 's2', heading: '保障措施', intro: [], items: [item('d', '加强经费保障。')], subsections: [{ id: 'u3', heading: '', intro: [], items: [item('e', '加强队伍建设。')] }] },
    ],
  }
}

/** What every view must show, in document order. */
const EXPECTED = ['一、', '1.', '（一）', '2.', '（二）', '3.', '二、', '4.', '（一）', '5.']

/** The labels of an exported .docx, paragraph by paragraph (a paragraph starts with its label). */
async function exportedLabels(plan: Plan): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(await exportDocx(plan))).file('word/document.xml')?.async('string')) ?? ''
  const texts = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
  return texts.flatMap((t) => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.exec(t)?.[1] ?? [])
}

/** The labels of the review page's sections and of the 修改对照表's rows, against an older text of every item. */
function reviewLabels(plan: Plan): { page: string[]; table: string[] } {
  const older: Plan = { ...plan, sections: plan.sections.map((s) => ({ ...s, items: s.items.map(reworded), subsections: s.subsections.map((u) => ({ ...u, items: u.items.map(reworded) })) })) }
  const model = reviewModel(diffPlans(older, plan))
  const page = (s: SectionView): string[] => [s.label, ...s.items.map((i) => `${i.diff.new[0].number}.`), ...s.subsections.flatMap(page)]
  const table = reviewRows(model).map((r) => (r.type === 'heading' ? (/^\S+?[、）]/.exec(r.text)?.[0] ?? r.text) : (r.new?.[0].label ?? '')))
  return { page: model.sections.flatMap(page), table }
}

const reworded = (i: PlanItem): PlanItem => ({ ...i, body: '落实各项工作。' })

describe('the one numbering walker', () => {
  it('gives an untitled section and sub-section their numbers from order, like any other', () => {
    const outline = planOutline(untitledPlan())
    expect(outline.map((s) => s.label)).toEqual(['一、', '二、'])
    expect(outline.map((s) => s.subsections.map((u) => u.label))).toEqual([['（一）', '（二）'], ['（一）']])
    expect(itemPlaces(untitledPlan()).map((p) => [p.item.id, p.number, p.sectionNumber, p.subsectionNumber])).toEqual([
      ['a', 1, 1, undefined],
      ['b', 2, 1, 1],
      ['c', 3, 1, 2],
      ['d', 4, 2, undefined],
      ['e', 5, 2, 1],
    ])
  })

  it('makes the editor, the export, the review rows, Plan JSON and the plain text agree on a plan with untitled parts', async () => {
    const plan = untitledPlan()
    expect(numberLabels(planState(plan).doc).map((l) => l.label)).toEqual(EXPECTED)
    expect(await exportedLabels(plan)).toEqual(EXPECTED)
    expect(reviewLabels(plan)).toEqual({ page: EXPECTED, table: EXPECTED })
    const json = toPlanJson(plan)
    expect(json.sections.flatMap((s) => [`${s.number}、`, ...s.items.map((i) => `${i.number}.`), ...s.subsections.flatMap((u) => [`（${u.number}）`, ...u.items.map((i) => `${i.number}.`)])])).toEqual(EXPECTED)
    const text = renderPlanText(plan).split('\n')
    expect(text.flatMap((t) => /^([一二]、|（[一二]）|\d+\.)/.exec(t)?.[1] ?? [])).toEqual(EXPECTED)
  })

  it('prints a plan without any section heading without a lone 一、, its items numbered as everywhere else', async () => {
    const plan: Plan = { ...untitledPlan(), sections: [{ id: 's1', heading: '', intro: [], items: [item('a', '加强党建工作。'), item('b', '推进课程改革。')], subsections: [] }] }
    expect(printsSectionLabels(plan)).toBe(false)
    expect(printsSectionLabels(untitledPlan())).toBe(true)
    expect(await exportedLabels(plan)).toEqual(['1.', '2.'])
    expect(numberLabels(planState(plan).doc).map((l) => l.label)).toEqual(['一、', '1.', '2.'])
  })
})

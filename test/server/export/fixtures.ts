import type { Plan, PlanItem, PlanSection } from '../../../shared/plan/types.ts'
import { districtSeed } from '../../utils/seeds.ts'

let counter = 0
const id = (prefix: string): string => `${prefix}${(++counter).toString(36).padStart(4, '0')}`

/** An item with a lead sentence and body paragraphs. */
export function item(title: string, ...body: string[]): PlanItem {
  return { id: id('i'), title, body: body.join('\n') }
}

/** A section with items and optional sub-sections. */
export function section(heading: string, items: PlanItem[], extra: Partial<PlanSection> = {}): PlanSection {
  return { id: id('s'), heading, intro: [], items, subsections: [], ...extra }
}

/** A plan with defaults for the fields a fixture does not care about. */
export function plan(fields: Partial<Plan> & Pick<Plan, 'sections'>): Plan {
  return { title: '2025年闵行区教育工作要点', preamble: [], meta: {}, ...fields }
}

/**
 * A district plan with sub-sections （一）（二）, section intros, items with several body paragraphs
 * and a closing; numbers run on across sub-sections.
 */
export function subsectionPlan(): Plan {
  return plan({
    title: '2025年闵行区教育工作要点',
    preamble: ['2025年是“十四五”规划收官之年。闵行教育坚持立德树人根本任务，推进教育高质量发展。'],
    sections: [
      section('坚持立德树人，加强思想政治工作', [item('推进大思政课建设。', '建设区级“大思政课”实践教学基地10个。', '开展思政课教师集体备课不少于20次。')], {
        intro: ['围绕立德树人根本任务，统筹推进德育、智育、体育、美育和劳动教育。'],
        subsections: [
          { id: id('u'), heading: '加强学生心理健康', intro: [], items: [item('完善心理健康服务体系。', '实现中小学心理辅导室全覆盖，专职心理教师配备率达到100%。')] },
          { id: id('u'), heading: '深化劳动教育', intro: ['以劳树德，以劳增智。'], items: [item('建设劳动教育基地。', '新建区级劳动教育实践基地5个。'), item('开齐开足劳动课程。', '')] },
        ],
      }),
      section('促进基础教育优质均衡', [item('增加普惠性托育资源。', '确保50%以上幼儿园开设托班，新增托额不少于600个。'), item('推进紧密型学区集团建设。', '新组建紧密型学区集团3个。')]),
    ],
    closing: { issuer: '上海市闵行区教育局', date: '2025年2月18日' },
    meta: { issuer: '上海市闵行区教育局', level: 'district', year: 2025 },
  })
}

// Han characters only, no punctuation: every line of such a paragraph is full, so line and character counts are exact.
const HAN = '教育高质量发展推进学校建设加强队伍管理完善课程体系深化评价改革落实民心工程优化资源布局提升治理水平促进均衡发展'

/** n Han characters from a fixed cycle (deterministic, no punctuation). */
export function hanText(n: number, offset = 0): string {
  let s = ''
  for (let i = 0; i < n; i++) s += HAN[(i + offset) % HAN.length]
  return s
}

/** A plan without a notice whose items have long bodies of Han characters only: pages of full lines. */
export function fullPagePlan(): Plan {
  const items = Array.from({ length: 8 }, (_, k) => item(`${hanText(10, k)}。`, `${hanText(300, k * 7)}。`))
  return plan({ title: '测试计划', sections: [section('满页排版检查', items)] })
}

/** A plan of `n` items in sections of ten, built from the district seed's items (realistic lengths). */
export function largePlan(n: number): Plan {
  const source = districtSeed()
  const pool = source.sections.flatMap((s) => s.items)
  const sections: PlanSection[] = []
  for (let k = 0; k < n; k++) {
    if (k % 10 === 0) sections.push(section(source.sections[sections.length % source.sections.length].heading, []))
    const from = pool[k % pool.length]
    sections[sections.length - 1].items.push({ ...from, id: id('i') })
  }
  return { ...source, sections }
}

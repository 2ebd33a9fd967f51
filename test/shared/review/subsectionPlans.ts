// A plan with sub-sections and its next version in which one sub-section heading is renamed, one item reworded.
import type { Plan } from '../../../shared/plan/types.ts'

/** Last year's text: section 一 with sub-sections （一） and （二）, section 二 with items. */
export function subsectionBase(): Plan {
  return {
    title: '2025年闵行区教育工作要点',
    preamble: ['闵行教育坚持立德树人根本任务。'],
    meta: {},
    sections: [
      {
        id: 's1',
        heading: '坚持立德树人，加强思想政治工作',
        intro: [],
        items: [{ id: 'i1', title: '推进大思政课建设。', body: '建设区级“大思政课”实践教学基地10个。' }],
        subsections: [
          { id: 'u1', heading: '加强学生心理健康', intro: [], items: [{ id: 'i2', title: '完善心理健康服务体系。', body: '实现中小学心理辅导室全覆盖。' }] },
          { id: 'u2', heading: '深化劳动教育', intro: [], items: [{ id: 'i3', title: '建设劳动教育基地。', body: '新建区级劳动教育实践基地5个。' }] },
        ],
      },
      { id: 's2', heading: '促进基础教育优质均衡', intro: [], subsections: [], items: [{ id: 'i4', title: '增加普惠性托育资源。', body: '新增托额不少于600个。' }] },
    ],
  }
}

/** The same plan with sub-section （二） renamed 深化劳动教育 → 深化劳动教育和社会实践 and nothing else changed, unless `reword`. */
export function subsectionRenamed(reword = false): Plan {
  const plan = subsectionBase()
  plan.sections[0].subsections[1].heading = '深化劳动教育和社会实践'
  if (reword) plan.sections[1].items[0].body = '新增托额不少于800个。'
  return plan
}

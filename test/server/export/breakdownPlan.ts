import type { Plan, PlanItem, PlanSection } from '../../../shared/plan/types.ts'

const LEADS = ['基教科', '德育科', '计财科', '组干科', '教研室', '安全科', '人事科', '发展规划科']
const DEADLINES = ['2025年6月底', '第二季度', '上半年', '全年', '长期', '6月30日前', '2025年3月—6月', '按上级要求']

/**
 * A plan of `items` items in 5 sections (the last with two sub-sections) whose items carry 任务分解
 * fields in every shape: one or two lead departments, supporting ones or none, a 分管领导 on every
 * third item, every kind of deadline, and bodies of two paragraphs, long enough to wrap in the table.
 */
export function breakdownPlan(items = 80, year = 2025): Plan {
  let n = 0
  const item = (): PlanItem => {
    const i = n++
    return {
      id: `i${i}`,
      title: `第${i + 1}项重点任务要加强统筹推进。`,
      body: `围绕第${i + 1}项任务细化工作措施，明确时间节点和责任分工，建立工作台账，定期调度推进情况。\n开展专项督查，及时总结推广典型经验，确保各项任务按期完成、取得实效。`,
      breakdown: {
        lead: i % 5 === 0 ? [LEADS[i % LEADS.length], LEADS[(i + 3) % LEADS.length]] : [LEADS[i % LEADS.length]],
        ...(i % 4 ? { support: [LEADS[(i + 1) % LEADS.length], LEADS[(i + 2) % LEADS.length]] } : {}),
        ...(i % 3 === 0 ? { leader: '王明' } : {}),
        deadline: DEADLINES[i % DEADLINES.length],
      },
    }
  }
  const per = Math.ceil(items / 6)
  const take = (): PlanItem[] => Array.from({ length: Math.max(0, Math.min(per, items - n)) }, item)
  const sections: PlanSection[] = ['坚持党建引领', '推进学前教育', '深化课程改革', '加强队伍建设'].map((heading, s) => ({ id: `s${s}`, heading, intro: [], items: take(), subsections: [] }))
  sections.push({
    id: 's4',
    heading: '守牢安全底线',
    intro: [],
    items: [],
    subsections: [0, 1].map((u) => ({ id: `u${u}`, heading: u ? '校园安全' : '食品安全', intro: [], items: u ? Array.from({ length: items - n }, item) : take() })),
  })
  return { title: `${year}年某区教育工作要点`, preamble: [], meta: { year }, sections }
}

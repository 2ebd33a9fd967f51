import { describe, expect, it } from 'vitest'
import { extractItemNotes, extractPlanNotes, readNote } from '../../../shared/breakdown/notes.ts'
import type { Plan, PlanItem, PlanWarning } from '../../../shared/plan/types.ts'

const item = (title: string, body = ''): PlanItem => ({ id: 'i1', title, body })

describe('responsibility notes in imported items move into the 任务分解 fields', () => {
  it('moves （责任科室：…） after the body into 牵头科室 and removes it', () => {
    const out = extractItemNotes(item('加强机关党建。', '落实“三会一课”制度，开展主题党日活动。（责任科室：组干科、机关党委）'))
    expect(out.body).toBe('落实“三会一课”制度，开展主题党日活动。')
    expect(out.breakdown).toEqual({ lead: ['组干科', '机关党委'] })
  })

  it('reads 牵头单位、配合单位 and 完成时限 from one note split by ；', () => {
    const out = extractItemNotes(item('推进学前教育普惠发展。', '新增普惠性托位300个。（牵头单位：基教科；配合单位：计财科、发展规划科；完成时限：2025年6月底）'))
    expect(out.body).toBe('新增普惠性托位300个。')
    expect(out.breakdown).toEqual({ lead: ['基教科'], support: ['计财科', '发展规划科'], deadline: '2025年6月底' })
  })

  it('reads a note whose fields are split by ， before the next label, and ASCII brackets and colons', () => {
    const out = extractItemNotes(item('做好校园安全。(责任部门:安全科，配合部门:德育科，分管领导:王明)', '开展安全检查。'))
    expect(out.title).toBe('做好校园安全。')
    expect(out.breakdown).toEqual({ lead: ['安全科'], support: ['德育科'], leader: '王明' })
  })

  it('moves a body line that is a note (责任处室：…) and keeps the other lines', () => {
    const out = extractItemNotes(item('深化课程改革。', '推进新课程实施。\n责任处室：教研室、基教科\n完成时间：全年'))
    expect(out.body).toBe('推进新课程实施。')
    expect(out.breakdown).toEqual({ lead: ['教研室', '基教科'], deadline: '全年' })
  })

  it('leaves brackets that only look like notes: explanations and unknown labels stay in the text', () => {
    const text = '落实《义务教育法》（2018年修正）要求。（说明：另行通知）'
    const out = extractItemNotes(item('依法治教。', text))
    expect(out.body).toBe(text)
    expect(out.breakdown).toBeUndefined()
    const mixed = '（牵头单位：基教科；备注：待定）'
    expect(extractItemNotes(item('甲。', mixed)).body).toBe(mixed)
    expect(readNote(mixed)).toBeNull()
  })

  it('leaves event details and contact notes in the text: （时间：5月，地点：…）, （联系人：…，电话：…）', () => {
    for (const text of ['举办科技节。（时间：5月，地点：区青少年活动中心）', '开展培训。（联系人：张三，电话：12345678）', '召开会议。（完成时限：6月，地点：礼堂）']) {
      expect(extractItemNotes(item('甲。', text)).body, text).toBe(text)
    }
  })

  it('does not take a sentence that merely mentions 责任单位 as a note', () => {
    const text = '明确各校责任单位和责任人，层层压实责任。'
    expect(extractItemNotes(item('压实责任。', text)).body).toBe(text)
  })

  it('keeps fields already set over what a note says, and de-duplicates departments', () => {
    const out = extractItemNotes({ ...item('甲。', '乙。（责任科室：基教科、基教科等）（完成时限：上半年）'), breakdown: { deadline: '全年' } })
    expect(out.breakdown).toEqual({ lead: ['基教科'], deadline: '全年' })
  })

  it('across a plan: counts the items whose notes moved and warns about a deadline that names no time', () => {
    const plan: Plan = {
      title: '2025年某区教育工作要点',
      preamble: [],
      meta: { year: 2025 },
      sections: [
        {
          id: 's1',
          heading: '党建引领',
          intro: [],
          items: [item('加强党建。', '开展学习。（责任科室：组干科）'), { id: 'i2', title: '无说明。', body: '正文。' }],
          subsections: [{ id: 'u1', heading: '小节', intro: [], items: [{ id: 'i3', title: '推进改革。', body: '试点。（牵头单位：教研室；完成时限：按上级要求）' }] }],
        },
      ],
    }
    const warnings: PlanWarning[] = []
    extractPlanNotes(plan, warnings)
    expect(plan.sections[0].items[0].breakdown).toEqual({ lead: ['组干科'] })
    expect(plan.sections[0].items[1].breakdown).toBeUndefined()
    expect(plan.sections[0].subsections[0].items[0]).toMatchObject({ body: '试点。', breakdown: { lead: ['教研室'], deadline: '按上级要求' } })
    expect(warnings.map((w) => w.code)).toEqual(['breakdown-notes', 'breakdown-deadline-text'])
    expect(warnings[0].message).toContain('2 条')
    expect(warnings[1].message).toContain('按上级要求')
  })
})

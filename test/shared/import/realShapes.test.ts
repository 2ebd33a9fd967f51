import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import { renderPlanText } from '../../../shared/plan/render.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const titles = (plan: Plan): string[] => itemPlaces(plan).map((p) => p.item.title)
const headings = (plan: Plan): string[] => plan.sections.map((s) => s.heading)

describe('importText on the shapes of real copies', () => {
  it('puts an issuer-first notice title, its 发文字号 and 主送 in the notice fields, and the cover page prints each once', () => {
    const text =
      '河西区教育局关于印发《2026年河西区中小学德育工作要点》的通知\n河教德〔2026〕9号\n各中小学：\n现将要点印发给你们，请遵照执行。\n附件：2026年河西区中小学德育工作要点\n河西区教育局\n2026年3月1日\n2026年河西区中小学德育工作要点\n一、加强理想信念教育\n1.上好开学第一课。各校统一组织。\n'
    const { plan } = importText(text)
    expect(plan.notice).toMatchObject({
      title: '河西区教育局关于印发《2026年河西区中小学德育工作要点》的通知',
      docNumber: '河教德〔2026〕9号',
      addressee: '各中小学',
      body: ['现将要点印发给你们，请遵照执行。'],
    })
    const printed = renderPlanText(plan)
    expect(printed.split('河教德〔2026〕9号').length - 1).toBe(1)
    expect(printed.split('关于印发').length - 1).toBe(1)
  })

  it('takes the plan title, not the notice title, from a web copy whose notice has no 附件 line', () => {
    const text = '关于印发《2026年东坡区教育工作要点》的通知\n各街道中心校：\n现将有关要点印发给你们。\n东坡区教育局\n2026年2月9日\n2026年东坡区教育工作要点\n一、办好民生实事\n1.新建学校两所。年内开工。\n'
    const { plan } = importText(text)
    expect(plan.title).toBe('2026年东坡区教育工作要点')
    expect(plan.notice).toMatchObject({ title: '关于印发《2026年东坡区教育工作要点》的通知', addressee: '各街道中心校', issuer: '东坡区教育局', date: '2026年2月9日', body: ['现将有关要点印发给你们。'] })
  })

  it('removes site lines of several kinds from title, preamble, headings and items with one warning per kind', () => {
    const text = [
      '首页 > 计划总结',
      '2026年北湖中学工作计划（可编辑）',
      '发布时间：2026-02-01 08:00  来源：北湖中学  浏览次数：42',
      '以下是小编为大家整理的北湖中学工作计划，仅供参考。',
      '2026年北湖中学工作计划',
      '本学期学校工作以提质为---本文由网友上传，如有侵权请联系删除---中心。',
      '一、加强教学---本文由网友上传，如有侵权请联系删除---管理',
      '1.规范课程设置。开齐开足国家课程。',
      '下一篇：北湖中学工作总结',
    ].join('\n')
    const { plan, warnings } = importText(text)
    expect(plan.title).toBe('2026年北湖中学工作计划')
    expect(plan.preamble).toEqual(['本学期学校工作以提质为中心。'])
    expect(headings(plan)).toEqual(['加强教学管理'])
    expect(titles(plan)).toEqual(['规范课程设置。'])
    const siteWarnings = warnings.filter((w) => w.code === 'boilerplate-removed').map((w) => w.message)
    expect(siteWarnings).toHaveLength(4)
    for (const kind of ['导航', '发布信息', '导语', '插在']) expect(siteWarnings.filter((m) => m.includes(kind))).toHaveLength(1)
  })

  it('skips a table of contents written with 1. 2. lines and imports the content', () => {
    const text = '2026年学校安全工作要点\n目录\n1.安全教育\n2.安全管理\n一、安全教育\n1.开展安全教育周活动。每学期一次。\n二、安全管理\n2.落实门卫制度。严格登记。\n'
    const { plan, warnings } = importText(text)
    expect(headings(plan)).toEqual(['安全教育', '安全管理'])
    expect(titles(plan)).toEqual(['开展安全教育周活动。', '落实门卫制度。'])
    expect(warnings.map((w) => w.code)).toContain('contents-removed')
  })

  it('takes the document’s own title line after a compilation title and after a title with a site label', () => {
    expect(importText('学校德育工作计划合集（4篇）\n2026年春季学期德育工作计划\n一、目标\n1.养成好习惯。每周评比。\n').plan.title).toBe('2026年春季学期德育工作计划')
    expect(importText('【原创推荐】2026年教科研工作计划\n一、目标\n1.完成课题。按期结题。\n').plan.title).toBe('2026年教科研工作计划')
  })

  it('imports a text with no line breaks whose 一、 headings and （一） entries run inside the text', () => {
    const text = '2026年西湾区教育工作要点全年工作要稳中求进。一、加强党建（一）强化政治引领。落实第一议题制度。（二）建强基层组织。开展支部评星。二、深化改革（一）推进评价改革。完善评价办法。'
    const { plan } = importText(text)
    expect(plan.title).toBe('2026年西湾区教育工作要点')
    expect(headings(plan)).toEqual(['加强党建', '深化改革'])
    expect(titles(plan)).toEqual(['强化政治引领。', '建强基层组织。', '推进评价改革。'])
  })

  it('takes a short heading line without 。 as the item title and never leaves it empty', () => {
    const text = '2026年教务处工作计划\n一、常规管理\n1.加强集体备课\n各教研组每周活动一次，做到定时间、定内容。\n2.规范作业布置\n控制书面作业总量。\n（一）特色活动\n3.举办读书节\n'
    const { plan, warnings } = importText(text)
    expect(titles(plan)).toEqual(['加强集体备课', '规范作业布置', '举办读书节'])
    expect(itemPlaces(plan)[0].item.body).toBe('各教研组每周活动一次，做到定时间、定内容。')
    expect(warnings.map((w) => w.code)).not.toContain('item-without-title')
  })

  it('makes （一） entries items where a section has no 1. 2., and sub-sections where it has', () => {
    const text = '2026年工作要点\n一、党建\n（一）强化引领。内容甲。\n（二）建强组织。内容乙。\n二、改革\n（一）评价改革\n1.完善办法。内容丙。\n（二）招生改革\n2.规范招生。内容丁。\n'
    const { plan, warnings } = importText(text)
    expect(plan.sections[0].items.map((i) => i.title)).toEqual(['强化引领。', '建强组织。'])
    expect(plan.sections[0].subsections).toEqual([])
    expect(plan.sections[1].subsections.map((u) => [u.heading, u.items.map((i) => i.title)])).toEqual([
      ['评价改革', ['完善办法。']],
      ['招生改革', ['规范招生。']],
    ])
    expect(itemPlaces(plan).map((p) => p.number)).toEqual([1, 2, 3, 4])
    expect(warnings.map((w) => w.code).filter((c) => c.startsWith('numbering'))).toEqual([])
  })

  it('reads traditional characters the same way as simplified', () => {
    const text = '學校工作計劃\n時間：2026-01-05 10:00:00\n導語：本文來源於網友上傳，僅供參考。\n學校工作計劃\n一、加強師資建設\n1、開展教師培訓。每月一次。\n'
    const { plan, warnings } = importText(text)
    expect(plan.title).toBe('學校工作計劃')
    expect(plan.preamble).toEqual([])
    expect(headings(plan)).toEqual(['加強師資建設'])
    expect(titles(plan)).toEqual(['開展教師培訓。'])
    expect(warnings.filter((w) => w.code === 'boilerplate-removed')).toHaveLength(2)
  })

  it('leaves out the second piece of a 篇1 / 篇2 collection and says so', () => {
    const text = '教研计划 篇1\n一、目标\n1.提高质量。内容。\n教研计划 篇2\n一、任务\n1.另一篇的条目。内容。\n'
    const { plan, warnings } = importText(text)
    expect(plan.title).toBe('教研计划')
    expect(titles(plan)).toEqual(['提高质量。'])
    expect(warnings.map((w) => w.code)).toContain('other-pieces-removed')
  })

  it('ends a notice without 附件 at the plan it names in 《》 even when the copy garbled its date', () => {
    const text = '关于印发《2026年南溪区教育工作要点》的通知\n各学校：\n现将要点印发给你们。\n2026210\n2026年南溪区教育工作要点\n一、目标\n1.甲条。内容。\n'
    const { plan } = importText(text)
    expect(plan.title).toBe('2026年南溪区教育工作要点')
    expect(plan.notice).toMatchObject({ title: '关于印发《2026年南溪区教育工作要点》的通知', addressee: '各学校', body: ['现将要点印发给你们。', '2026210'] })
  })

  it('reads an official copy with its 文件 header, a traditional 發文字號 and the 版记 after the plan', () => {
    const text =
      '北川區教育局文件\n北教〔2026〕3號\n北川區教育局關於印發2026年工作要點的通知\n各學校：\n現印發給你們。\n附件：2026年北川區教育工作要點\n北川區教育局\n2026年1月5日\n2026年北川區教育工作要點\n一、目標\n1.甲條。內容。\n抄送：區政府辦公室。\n北川區教育局辦公室 2026年1月6日印發\n'
    const { plan, warnings } = importText(text)
    expect(plan.notice).toMatchObject({ docNumber: '北教〔2026〕3號', title: '北川區教育局關於印發2026年工作要點的通知', addressee: '各學校' })
    expect(itemPlaces(plan)[0].item.body).toBe('內容。')
    expect(warnings.map((w) => w.code)).toContain('record-removed')
  })

  it('puts a notice title broken over lines (a PDF copy) back on one line', () => {
    const text =
      '长河县教育局关于印发《2026年长河县\n中小学教学工作要点》的通知\n各学校：\n现印发给你们。\n附件：2026年长河县中小学教学工作要点\n长河县教育局\n2026年2月2日\n2026年长河县中小学教学工作要点\n一、目标\n1.甲条。内容。\n'
    const { plan } = importText(text)
    expect(plan.notice).toMatchObject({ title: '长河县教育局关于印发《2026年长河县中小学教学工作要点》的通知', addressee: '各学校' })
    expect(plan.title).toBe('2026年长河县中小学教学工作要点')
  })

  it.each([
    ['after the title', '2026年某区教育工作要点（征求意见稿）\n前言。\n一、目标\n1.甲条。内容。\n'],
    ['under the title', '2026年某区教育工作要点\n（征求意见稿）\n前言。\n一、目标\n1.甲条。内容。\n'],
  ])('keeps a draft mark printed %s in the title, not in the preamble', (_where, text) => {
    const { plan } = importText(text)
    expect(plan.title).toBe('2026年某区教育工作要点（征求意见稿）')
    expect(plan.preamble).toEqual(['前言。'])
    expect(importText(renderPlanText(plan)).plan.title).toBe(plan.title)
  })
})

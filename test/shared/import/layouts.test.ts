import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const titles = (plan: Plan): string[] => itemPlaces(plan).map((p) => p.item.title)
const bodies = (plan: Plan): string[] => itemPlaces(plan).map((p) => p.item.body)

const NOTICE_PLAN = `关于印发《2025年浦东新区教育工作要点》的通知
浦教〔2025〕3号
各中小学、幼儿园：
现将《2025年浦东新区教育工作要点》印发给你们，请认真贯彻执行。
附件：2025年浦东新区教育工作要点
上海市浦东新区教育局
2025年2月10日
2025年浦东新区教育工作要点
2025年是“十四五”规划收官之年。
一、加强党的建设
1.坚持党建引领。深化党建工作。
2.加强干部队伍建设。完善干部选拔机制。
二、推进教育改革
3.深化评价改革。推进综合素质评价。
上海市浦东新区教育局
2025年2月10日
`

describe('importText on layouts other than the seeds', () => {
  it('reads one paragraph per line with a notice title, 发文字号, issuer and date, and a closing', () => {
    const { plan, warnings } = importText(NOTICE_PLAN)
    expect(plan.notice).toEqual({
      title: '关于印发《2025年浦东新区教育工作要点》的通知',
      docNumber: '浦教〔2025〕3号',
      addressee: '各中小学、幼儿园',
      body: ['现将《2025年浦东新区教育工作要点》印发给你们，请认真贯彻执行。'],
      attachment: '2025年浦东新区教育工作要点',
      issuer: '上海市浦东新区教育局',
      date: '2025年2月10日',
    })
    expect(plan.title).toBe('2025年浦东新区教育工作要点')
    expect(plan.preamble).toEqual(['2025年是“十四五”规划收官之年。'])
    expect(plan.sections.map((s) => s.heading)).toEqual(['加强党的建设', '推进教育改革'])
    expect(titles(plan)).toEqual(['坚持党建引领。', '加强干部队伍建设。', '深化评价改革。'])
    expect(bodies(plan)[2]).toBe('推进综合素质评价。')
    expect(plan.closing).toEqual({ issuer: '上海市浦东新区教育局', date: '2025年2月10日' })
    expect(plan.meta).toEqual({ issuer: '上海市浦东新区教育局', level: 'district', year: 2025 })
    expect(warnings).toEqual([])
  })

  it.each([
    ['1、', '1、做好安全工作。内容一。\n2、加强管理。内容二。\n二、改革\n3、深化改革。内容三。'],
    ['1．', '1．做好安全工作。内容一。\n2．加强管理。内容二。\n二、改革\n3．深化改革。内容三。'],
    ['1 .', '1 .做好安全工作。内容一。\n2 . 加强管理。内容二。\n二 、改革\n3 .深化改革。内容三。'],
    ['1.', '1.做好安全工作。内容一。\n2.加强管理。内容二。\n二、改革\n3.深化改革。内容三。'],
  ])('recognises items written %s', (_marker, items) => {
    const { plan, warnings } = importText(`2025年工作要点\n一、安全\n${items}\n`)
    expect(plan.sections.map((s) => s.heading)).toEqual(['安全', '改革'])
    expect(titles(plan)).toEqual(['做好安全工作。', '加强管理。', '深化改革。'])
    expect(bodies(plan)).toEqual(['内容一。', '内容二。', '内容三。'])
    expect(warnings.map((w) => w.code)).toEqual([])
  })

  it('does not take items numbered 1、 2、 after headings for page markers', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、加强党的建设\n1、坚持党建引领。深化党建工作。\n2、加强干部队伍建设。完善机制。\n二、推进教育改革\n3、深化评价改革。推进评价。\n')
    expect(titles(plan)).toEqual(['坚持党建引领。', '加强干部队伍建设。', '深化评价改革。'])
    expect(warnings.map((w) => w.code)).not.toContain('page-markers-removed')
  })

  it('reads sub-sections （一） and (一) with items numbered continuously through them', () => {
    const { plan } = importText(`2025年上海市教育委员会工作要点
前言。
一、全面落实立德树人根本任务
（一）加强思政
1.坚持铸魂育人。内容一。
2.推进思政工作。内容二。
(二)加强体育
3.加强体育工作。内容三。
二、深化改革
（一）考试改革
4.深化考试改革。内容四。
`)
    expect(plan.sections.map((s) => s.heading)).toEqual(['全面落实立德树人根本任务', '深化改革'])
    expect(plan.sections.map((s) => s.subsections.map((u) => u.heading))).toEqual([['加强思政', '加强体育'], ['考试改革']])
    expect(plan.sections[0].subsections.map((u) => u.items.map((i) => i.title))).toEqual([['坚持铸魂育人。', '推进思政工作。'], ['加强体育工作。']])
    expect(itemPlaces(plan).map((p) => [p.number, p.sectionNumber, p.subsectionNumber])).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 2],
      [4, 2, 1],
    ])
  })

  it('finds section headings written without numerals from the layout, with a warning', () => {
    const { plan, warnings } = importText('2025年闵行教育工作要点\n前言。\n抓好疫情防控\n1.做好防控。内容。\n2.加强安全。内容。\n落实民心工程\n3.实施工程。内容。\n')
    expect(plan.sections.map((s) => s.heading)).toEqual(['抓好疫情防控', '落实民心工程'])
    expect(plan.sections.map((s) => s.items.length)).toEqual([2, 1])
    expect(plan.preamble).toEqual(['前言。'])
    expect(warnings.map((w) => w.code)).toContain('headings-without-numerals')
  })

  it('reads a plan with no line breaks at all and a closing after the last sentence', () => {
    const text = '2025年工作要点 前言一句。 一、安全 1.做好安全工作。内容一。 2.加强管理。内容二。 二、改革 3.深化改革。内容三。 上海市某区教育局 2025年3月1日'
    const { plan } = importText(text)
    expect(plan.title).toBe('2025年工作要点')
    expect(plan.preamble).toEqual(['前言一句。'])
    expect(plan.sections.map((s) => s.heading)).toEqual(['安全', '改革'])
    expect(titles(plan)).toEqual(['做好安全工作。', '加强管理。', '深化改革。'])
    expect(bodies(plan)[2]).toBe('内容三。')
    expect(plan.closing).toEqual({ issuer: '上海市某区教育局', date: '2025年3月1日' })
  })

  it('turns ASCII punctuation in Chinese text into full-width forms and leaves numbers alone', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安全\n1.做好安全工作.完成率100%,覆盖2.5万人(含民办).\n2.加强管理.按照5:3:2配置.\n')
    expect(titles(plan)).toEqual(['做好安全工作。', '加强管理。'])
    expect(bodies(plan)).toEqual(['完成率100%，覆盖2.5万人（含民办）。', '按照5:3:2配置。'])
    expect(warnings.map((w) => w.code)).toContain('punctuation-normalised')
    expect(warnings.map((w) => w.code)).not.toContain('truncated')
  })

  it('removes stray spaces between Chinese characters left by PDF copies, with a warning', () => {
    const { plan, warnings } = importText('2025年工作要点\n一、安 全\n1.做好 安全 工作。确保 100% 覆盖 全区 学校。\n')
    expect(plan.sections[0].heading).toBe('安全')
    expect(titles(plan)).toEqual(['做好安全工作。'])
    expect(bodies(plan)).toEqual(['确保100%覆盖全区学校。'])
    expect(warnings.map((w) => w.code)).toContain('stray-spaces-removed')
  })

  it('keeps the paragraphs of a long item body on their own lines', () => {
    const { plan } = importText('2025年工作要点\n一、安全\n1.做好安全工作。第一段。\n第二段。\n第三段。\n2.加强管理。内容。\n')
    expect(bodies(plan)).toEqual(['第一段。\n第二段。\n第三段。', '内容。'])
  })

  it('uses a known bold lead sentence even when it does not end with 。', () => {
    const { plan } = importText('2025年工作要点\n一、安全\n1.做好安全工作：确保全区学校安全。\n', { leads: ['做好安全工作：'] })
    expect(titles(plan)).toEqual(['做好安全工作：'])
    expect(bodies(plan)).toEqual(['确保全区学校安全。'])
  })
})

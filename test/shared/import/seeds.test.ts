import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'

// Written out by reading seeds/000_0882e530d28cc30b.txt: the eight headings after 一、…八、 and the
// lead sentence (up to the first 。) after each of 1. … 30.
const DISTRICT_SECTIONS = [
  '抓好疫情防控，加强校园安全管理',
  '落实民心工程，办有温度的教育',
  '落实改革任务，塑造良好教育生态',
  '加强学校建设，统筹教育资源布局',
  '坚持五育并举，建构全面育人体系',
  '加强内涵建设，促进教育优质发展',
  '落实发展规划，推进教育重点项目',
  '优化管理机制，提升教育治理水平',
]
const DISTRICT_ITEMS = [
  '做好秋季开学和常态化疫情防控。',
  '加强学校安全管理。',
  '实施学龄前儿童善育工程。',
  '实施义务教育中小学校内课后服务工程。',
  '实施学校等体育场馆开放工程。',
  '贯彻“五项管理”规定。',
  '落实“双减”实施意见。',
  '深化教育评价改革。',
  '优化资源设点布局。',
  '促进教育优质均衡。',
  '落实立德树人根本任务。',
  '深化“四个结合”工作机制。',
  '加强学生心理健康教育。',
  '促进家校共育。',
  '推动学前教育普惠优质。',
  '促进义务教育优质均衡发展。',
  '推动高中特色多样发展。',
  '促进特殊教育融合发展。',
  '创新发展职业教育。',
  '加强学习型社会建设。',
  '加强紧密型学区集团建设。',
  '创建全国“智慧教育示范区”。',
  '深化教师队伍建设。',
  '实施课程教学改革。',
  '促进财务精细化管理。',
  '平稳应对大体量招生。',
  '推进依法治教。',
  '加强培训机构管理。',
  '加强民办学校治理。',
  '规范教育行政服务。',
]
// Items per section in the seed: 1–2 | 3–5 | 6–8 | 9–10 | 11–14 | 15–20 | 21–24 | 25–30.
const DISTRICT_COUNTS = [2, 3, 3, 2, 4, 6, 4, 6]

// From seeds/001_95a2f46e01527285.txt; item 3's lead is split by the page marker "4、" in the copy (加强学
// 4、生心理健康服务。) and must come out whole.
const MUNICIPAL_SECTIONS = ['全面落实立德树人根本任务', '深化教育领域综合改革', '促进基础教育高水平优质均衡', '完善职业教育体系建设']
const MUNICIPAL_ITEMS = [
  '坚持不懈用习近平新时代中国特色社会主义思想铸魂育人。',
  '推进日常思政工作高质量发展。',
  '加强学生心理健康服务。',
  '深化学生劳动教育实践。',
  '深化学校家庭社会协同育人。',
  '加强学校体育、艺术和卫生工作。',
  '深化教育领域综合改革。',
  '深化考试招生制度和教育评价改革。',
  '开展“双减”治理工作。',
  '深化长三角一体化教育协同。',
  '增加普惠性托育资源供给。',
  '全面建设高质量幼儿园。',
  '促进义务教育优质均衡发展。',
  '推动高中教育特色多样发展。',
  '深化基础教育课程教学改革。',
  '加强特殊教育和民族教育。',
  '提升职业教育供给能力。',
  '推进专业结构布局优化。',
]
const MUNICIPAL_COUNTS = [6, 4, 6, 2]

/** Every piece of text in a plan, for checks that must hold everywhere. */
function allText(plan: Plan): string[] {
  return [
    plan.title,
    ...plan.preamble,
    ...plan.sections.flatMap((s) => [s.heading, ...s.intro, ...s.subsections.flatMap((u) => [u.heading, ...u.intro]), ...itemTexts(s.items)]),
    ...plan.sections.flatMap((s) => s.subsections.flatMap((u) => itemTexts(u.items))),
  ]
}
function itemTexts(items: Plan['sections'][number]['items']): string[] {
  return items.flatMap((i) => [i.title, i.body])
}

describe('seed 000: 2021年下半年闵行教育工作要点 (no line breaks inside the plan)', () => {
  const { plan, warnings } = importText(readFileSync(SEED_PATHS.district, 'utf8'))

  it('finds the title and the metadata of the issuing district', () => {
    expect(plan.title).toBe('2021年下半年闵行教育工作要点')
    expect(plan.meta).toEqual({ issuer: '上海市闵行区教育局', level: 'district', year: 2021, period: '下半年' })
  })

  it('reads the cover notice: addressee, text, attachment, issuer and date', () => {
    expect(plan.notice).toEqual({
      addressee: '各学校（幼儿园）、单位',
      body: ['现将《2021年下半年闵行教育工作要点》印发给你们，请结合本单位实际，认真按照执行。'],
      attachment: '2021年下半年闵行教育工作要点',
      issuer: '上海市闵行区教育局',
      date: '2021年9月14日',
    })
  })

  it('keeps the preamble as one paragraph from 2021年是 to 贡献力量。', () => {
    expect(plan.preamble).toHaveLength(1)
    expect(plan.preamble[0]).toMatch(/^2021年是中国共产党成立100周年，是实施“十四五”规划的开局之年。/)
    expect(plan.preamble[0]).toMatch(/现代化主城区贡献力量。$/)
  })

  it('has the eight section headings in order', () => {
    expect(plan.sections.map((s) => s.heading)).toEqual(DISTRICT_SECTIONS)
    expect(plan.sections.every((s) => s.intro.length === 0 && s.subsections.length === 0)).toBe(true)
  })

  it('has 30 items whose titles are the original lead sentences, numbered 1–30 across sections', () => {
    const places = itemPlaces(plan)
    expect(places.map((p) => p.item.title)).toEqual(DISTRICT_ITEMS)
    expect(places.map((p) => p.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect(plan.sections.map((s) => s.items.length)).toEqual(DISTRICT_COUNTS)
  })

  it('keeps each item body intact from its second sentence to the end', () => {
    const items = itemPlaces(plan).map((p) => p.item)
    expect(items[0].body).toMatch(/^从严落实“外防输入、内防反弹”疫情防控要求/)
    expect(items[2].body).toContain('确保50%以上幼儿园开设托班')
    expect(items[2].body).toContain('按照5:3:2开办各类托育机构')
    expect(items[29].body).toMatch(/加强“互联网\+监管”平台应用。$/)
    for (const item of items) expect(item.body).not.toMatch(/(^|[^\d])\d{1,2}\.[^\d]/)
  })

  it('drops the 公开属性 line and the lone "|" with warnings and no truncation warning', () => {
    const codes = warnings.map((w) => w.code)
    expect(codes).toContain('boilerplate-removed')
    expect(codes).toContain('stray-lines-removed')
    expect(codes).not.toContain('truncated')
    expect(codes).not.toContain('numbering-gap')
    expect(allText(plan).join('')).not.toContain('公开属性')
    expect(allText(plan).join('')).not.toContain('|')
  })
})

describe('seed 001: 2024年上海市教育委员会工作要点 (truncated copy from a document-sharing site)', () => {
  const { plan, warnings } = importText(readFileSync(SEED_PATHS.municipal, 'utf8'))

  it('finds the title without the page marker 1、 glued to it and without the site boilerplate', () => {
    expect(plan.title).toBe('2024年上海市教育委员会工作要点')
    expect(plan.meta).toEqual({ issuer: '上海市教育委员会', level: 'municipal', year: 2024 })
    expect(plan.notice).toBeUndefined()
    expect(plan.preamble).toHaveLength(1)
    expect(plan.preamble[0]).toMatch(/^2024年是贯彻落实党的二十大精神的重要一年/)
    expect(plan.preamble[0]).toMatch(/贡献上海力量。$/)
  })

  it('has sections 一 to 四 with their headings', () => {
    expect(plan.sections.map((s) => s.heading)).toEqual(MUNICIPAL_SECTIONS)
  })

  it('has items 1–18 with their lead sentences', () => {
    const places = itemPlaces(plan)
    expect(places.map((p) => p.item.title)).toEqual(MUNICIPAL_ITEMS)
    expect(plan.sections.map((s) => s.items.length)).toEqual(MUNICIPAL_COUNTS)
  })

  it('leaves no page marker inside any text and joins the words they split', () => {
    const text = allText(plan)
    for (const t of text) expect(t).not.toMatch(/\d{1,2}、/)
    const items = itemPlaces(plan).map((p) => p.item)
    // "遴\n2、选第二批" in the copy.
    expect(items[0].body).toContain('遴选第二批整体试验区')
    // "将铸\n3、牢中华民族共同体意识" in the copy.
    expect(items[0].body).toContain('将铸牢中华民族共同体意识全面融入教育教学过程。')
    expect(warnings.find((w) => w.code === 'page-markers-removed')?.message).toContain('16')
  })

  it('removes the 优知文库 boilerplate with a warning', () => {
    expect(allText(plan).join('')).not.toMatch(/会员分享|在线阅读|优知文库|珍藏版/)
    expect(warnings.find((w) => w.code === 'boilerplate-removed')?.message).toContain('2024年上海市教育委员会工作要点.docx')
  })

  it('warns that the copy stops mid-sentence, quoting its end', () => {
    const truncated = warnings.find((w) => w.code === 'truncated')
    expect(truncated?.message).toContain('调控财经商贸类、文化')
    expect(itemPlaces(plan)[17].item.body).toMatch(/调控财经商贸类、文化$/)
  })
})

import { describe, expect, it } from 'vitest'
import { extractTargets } from '../../../shared/targets/extractTargets.ts'
import type { Target } from '../../../shared/targets/types.ts'

/** The fields a reader checks, in a compact form: text, comparator, value(-upper), unit, subject. */
function brief(t: Target): string {
  return `${t.text}|${t.comparator}|${t.value}${t.upper === undefined ? '' : '-' + t.upper}|${t.unit}|${t.subject}`
}

function briefs(text: string): string[] {
  return extractTargets(text).map(brief)
}

describe('extractTargets on phrases from the 2021 district plan (seed 000)', () => {
  it('reads a percentage with 以上 as a minimum whose subject follows it', () => {
    expect(briefs('推进托幼一体化建设，确保50%以上幼儿园开设托班。')).toEqual(['50%以上|min|50|%|幼儿园开设托班'])
  })

  it('reads 达到 as a minimum and takes the subject from the words before it', () => {
    expect(briefs('确保对全区校园安全巡查率达到100%，隐患整改率达到100%。')).toEqual(['达到100%|min|100|%|全区校园安全巡查率', '达到100%|min|100|%|隐患整改率'])
  })

  it('marks 力争 targets as aspirational', () => {
    const [t] = extractTargets('新开办6所公办幼儿园，力争公办幼儿园覆盖率达到60%。').slice(1)
    expect(brief(t)).toBe('达到60%|min|60|%|公办幼儿园覆盖率')
    expect(t.aspirational).toBe(true)
    expect(extractTargets('新开办6所公办幼儿园')[0].aspirational).toBe(false)
  })

  it('reads counts with their verb as action and the noun after the unit as subject', () => {
    const ts = extractTargets('加强学校基本建设，新开办7所中小幼学校。')
    expect(ts.map(brief)).toEqual(['7所|eq|7|所|中小幼学校'])
    expect(ts[0].action).toBe('新开办')
  })

  it('reads 不少于 as a minimum and skips the 的 before the noun', () => {
    const [t] = extractTargets('每个街镇配备1个家庭科学育儿指导站，完成不少于6次的家庭科学育儿指导活动。').slice(1)
    expect(brief(t)).toBe('不少于6次|min|6|次|家庭科学育儿指导活动')
    expect(t.action).toBe('完成')
  })

  it('prefers 人次 over 人', () => {
    expect(briefs('开展200人次托育机构从业人员职后培训。')).toEqual(['200人次|eq|200|人次|托育机构从业人员职后培训'])
  })

  it('reads ranges with a hyphen', () => {
    expect(briefs('引导学生掌握1-2门体育技能。')).toEqual(['1-2门|range|1-2|门|体育技能'])
    expect(briefs('新增7-8件公共服务事项，新推5项公共服务事项纳入“随申办”。')).toEqual(['7-8件|range|7-8|件|公共服务事项', '5项|eq|5|项|公共服务事项纳入“随申办”'])
  })

  it('reads 及以上 as a minimum', () => {
    expect(briefs('各中小学开设7种及以上体育项目')).toEqual(['7种及以上|min|7|种|体育项目'])
  })

  it('gives both figures of 不少于22大项42个 the same noun', () => {
    expect(briefs('区域每年组织不少于22大项42个青少年体育赛事。')).toEqual(['不少于22大项|min|22|大项|青少年体育赛事', '42个|eq|42|个|青少年体育赛事'])
  })

  it('reads 降至 as a maximum and drops the year and 将 from the subject', () => {
    const [t] = extractTargets('力争在2022年将民办义务教育规模降至6%。')
    expect(brief(t)).toBe('降至6%|max|6|%|民办义务教育规模')
    expect(t.aspirational).toBe(true)
  })

  it('reads Chinese numerals with a unit and ignores the same name inside quotes elsewhere', () => {
    expect(briefs('从治理创新、干部输出、教师交流、课程共建共享四个重点突破')).toEqual(['四个|eq|4|个|重点突破'])
    expect(briefs('开展“五项管理”全覆盖随访性督导，将五项管理工作要求切实落实在学校')).toEqual([])
  })

  it('stops a count noun before 和 and another figure', () => {
    expect(briefs('建设2个区级产教融合实践基地、2家市级示范性虚拟仿真实训室和1个国家职业技能竞赛基地。')).toEqual([
      '2个|eq|2|个|区级产教融合实践基地',
      '2家|eq|2|家|市级示范性虚拟仿真实训室',
      '1个|eq|1|个|国家职业技能竞赛基地',
    ])
  })

  it('finds nothing in years, dates, ages, ordinals, ratios, versions and titles', () => {
    expect(briefs('2021年9月14日')).toEqual([])
    expect(briefs('分批次推进12-17岁学生疫苗接种')).toEqual([])
    expect(briefs('启动闵行区第十七期骨干班主任培训，组织参与上海市第37届青少年科技创新大赛')).toEqual([])
    expect(briefs('引导社会力量按照5:3:2开办各类托育机构')).toEqual([])
    expect(briefs('推进高中课程管理平台2.0试点建设')).toEqual([])
    expect(briefs('落实《闵行区托育服务三年行动计划（2021-2023）》工作要求，以“5+2”模式全覆盖实施')).toEqual([])
    expect(briefs('规范学校教育收费，开展2021-2022学年规范收费检查')).toEqual([])
  })

  it('reports the offset of each matched span in the input', () => {
    const text = '新开办6所公办幼儿园，力争公办幼儿园覆盖率达到60%。'
    for (const t of extractTargets(text)) expect(text.slice(t.index, t.index + t.text.length)).toBe(t.text)
  })
})

describe('extractTargets on phrases from the 2024 municipal plan (seed 001)', () => {
  it('reads 不少于…个 twice in one sentence', () => {
    expect(briefs('全年新增不少于3000个公办幼儿园托额，不少于7000个社区托育托额。')).toEqual(['不少于3000个|min|3000|个|公办幼儿园托额', '不少于7000个|min|7000|个|社区托育托额'])
  })

  it('reads 不少于12次 with its service', () => {
    expect(briefs('推动各科学育儿指导站提供不少于12次免费指导服务。')).toEqual(['不少于12次|min|12|次|免费指导服务'])
  })

  it('reads 课时 as a unit', () => {
    expect(briefs('落实每周不少于1课时劳动教育必修课')).toEqual(['不少于1课时|min|1|课时|劳动教育必修课'])
  })

  it('reads counts of places', () => {
    expect(briefs('新建改扩建30所幼儿园')).toEqual(['30所|eq|30|所|幼儿园'])
    expect(briefs('推进53个保育带头人工作室建设')).toEqual(['53个|eq|53|个|保育带头人工作室建设'])
  })

  it('does not read 一批 or 一条龙 as targets', () => {
    expect(briefs('推进学校艺术“一条龙”培养布局，建设一批心理健康教育精品课程')).toEqual([])
  })
})

describe('extractTargets on other forms', () => {
  it('reads 百分之 with Chinese numerals', () => {
    expect(briefs('开设托班的幼儿园比例达到百分之六十。')).toEqual(['达到百分之六十|min|60|%|开设托班的幼儿园比例'])
  })

  it('reads Chinese numerals before 次 and 所', () => {
    expect(briefs('全年开展十二次活动，新建两所学校。')).toEqual(['十二次|eq|12|次|活动', '两所|eq|2|所|学校'])
    expect(briefs('召开二十二次会议')).toEqual(['二十二次|eq|22|次|会议'])
  })

  it('reads 约, 左右, 余, 以内, 不超过 and ranges of percentages', () => {
    expect(briefs('约3000人参加培训').map((b) => b.split('|')[1])).toEqual(['approx'])
    expect(briefs('学生人数达到3000人左右').map((b) => b.split('|')[1])).toEqual(['approx'])
    expect(briefs('新增300余所').map((b) => b.split('|').slice(0, 4).join('|'))).toEqual(['300余所|min|300|所'])
    expect(briefs('辍学率控制在5%以内')).toEqual(['控制在5%以内|max|5|%|辍学率'])
    expect(briefs('投入不超过10%')).toEqual(['不超过10%|max|10|%|投入'])
    expect(briefs('覆盖率达到20%-30%')).toEqual(['达到20%-30%|range|20-30|%|覆盖率'])
    expect(briefs('引导学生掌握1至2门艺术技能')).toEqual(['1至2门|range|1-2|门|艺术技能'])
  })

  it('keeps 万 with the unit and reads full-width digits', () => {
    expect(briefs('安排3000万元专项资金')).toEqual(['3000万元|eq|3000|万元|专项资金'])
    expect(briefs('完成１２所学校改造')).toEqual(['１２所|eq|12|所|学校改造'])
  })

  it('does not read words such as 一次性 and 统一 as figures', () => {
    expect(briefs('发放一次性补助，统一登记为非营利性机构，建好每一所家门口的学校')).toEqual([])
  })

  it('returns nothing for empty or figure-free text', () => {
    expect(extractTargets('')).toEqual([])
    expect(extractTargets('加强学校安全管理。')).toEqual([])
  })
})

describe('extractTargets on whole seed items', () => {
  it('gives every target of both seeds a subject and an exact offset', async () => {
    const { readFileSync } = await import('node:fs')
    const { importText } = await import('../../../shared/import/importText.ts')
    const { allItems } = await import('../../../shared/plan/numbering.ts')
    let count = 0
    for (const seed of ['seeds/000_0882e530d28cc30b.txt', 'seeds/001_95a2f46e01527285.txt']) {
      for (const item of allItems(importText(readFileSync(seed, 'utf8')).plan)) {
        const text = item.title + item.body
        for (const t of extractTargets(text)) {
          count++
          expect(text.slice(t.index, t.index + t.text.length)).toBe(t.text)
          expect(t.subject.length).toBeGreaterThan(0)
        }
      }
    }
    // Seed 000 item 15 alone has nine figures; both seeds together have several dozen.
    expect(count).toBeGreaterThan(50)
  })
})

describe('extractTargets on long input', () => {
  it('reads a long text without punctuation in linear time', () => {
    // Quadratic scanning (looking back to the clause start, copying the rest of the text per figure)
    // would take minutes on this; linear work takes milliseconds.
    const text = '新开办7所学校'.repeat(40_000) + '1'.repeat(100_000)
    const targets = extractTargets(text)
    expect(targets).toHaveLength(40_000)
    expect(targets[39_999].index).toBe(39_999 * 7 + 3)
  })
})

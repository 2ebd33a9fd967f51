import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import type { XmlElement } from '../../../server/import/docx/xmlTree.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { child, descendants, exportedParts, paragraphs, prop, style, type ExportedParts, type ParagraphInfo } from './exportedParts.ts'
import { item, plan, section, subsectionPlan } from './fixtures.ts'

const CHINESE_FONTS = ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']

async function parts(p: Plan, options = {}): Promise<ExportedParts> {
  return exportedParts(await exportDocx(p, options))
}

function find(list: ParagraphInfo[], start: string): ParagraphInfo {
  const found = list.find((p) => p.text.startsWith(start))
  if (!found) throw new Error(`no paragraph starting with ${start}`)
  return found
}

describe('exportDocx: page setup', () => {
  it('sets A4 paper and the GB/T 9704 margins in integer twips', async () => {
    const { sectPr } = await parts(districtSeed())
    const pgSz = child(sectPr, 'w:pgSz')?.attrs
    const pgMar = child(sectPr, 'w:pgMar')?.attrs
    expect(pgSz).toMatchObject({ 'w:w': '11906', 'w:h': '16838' })
    expect(pgMar).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' })
    for (const v of Object.values({ ...pgSz, ...pgMar }).filter((v) => v !== 'portrait')) expect(v).toMatch(/^\d+$/)
  })

  it('puts every paragraph on an exact line of 579 twips or less with widow control off', async () => {
    const { body } = await parts(districtSeed())
    const list = paragraphs(body)
    expect(list.length).toBeGreaterThan(40)
    for (const p of list) {
      const spacing = prop(p, 'w:spacing')?.attrs
      expect(spacing?.['w:lineRule']).toBe('exact')
      expect(Number(spacing?.['w:line'])).toBeLessThanOrEqual(579)
      expect(Number(spacing?.['w:line'])).toBeGreaterThanOrEqual(570)
      expect(prop(p, 'w:widowControl')?.attrs['w:val']).toBe('false')
    }
  })
})

describe('exportDocx: fonts and sizes', () => {
  let list: ParagraphInfo[]
  let exported: ExportedParts
  beforeAll(async () => {
    exported = await parts(subsectionPlan())
    list = paragraphs(exported.body)
  })

  it('writes every run with a Chinese East Asian font and the same font for Latin text', () => {
    const runs = list.flatMap((p) => p.runs).filter((r) => r.text)
    expect(runs.length).toBeGreaterThan(20)
    for (const r of runs) {
      expect(CHINESE_FONTS).toContain(r.fonts['w:eastAsia'])
      expect(r.fonts['w:ascii']).toBe(r.fonts['w:eastAsia'])
      expect(r.fonts['w:hAnsi']).toBe(r.fonts['w:eastAsia'])
    }
  })

  it('declares zh-CN as the East Asian language of the document', () => {
    const defaults = descendants(exported.styles, 'w:rPrDefault')[0]
    expect(descendants(defaults, 'w:lang')[0]?.attrs['w:eastAsia']).toBe('zh-CN')
  })

  it('sets the title in 2号 方正小标宋简体, centred', () => {
    const title = find(list, '2025年闵行区教育工作要点')
    expect(title.style).toBe('Title')
    expect(title.align).toBe('center')
    expect(title.runs.every((r) => r.size === '44' && r.fonts['w:eastAsia'] === '方正小标宋简体')).toBe(true)
  })

  it('sets body text in 3号 仿宋_GB2312, justified, with a two-character first-line indent and −0.25 pt spacing', () => {
    for (const p of [find(list, '2025年是'), find(list, '开展思政课教师'), find(list, '围绕立德树人')]) {
      expect(prop(p, 'w:ind')?.attrs).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' })
      expect(p.align).toBe('both')
      for (const r of p.runs) expect([r.fonts['w:eastAsia'], r.size, r.spacing]).toEqual(['仿宋_GB2312', '32', '-5'])
    }
  })

  it('sets 一、 headings in 黑体 and （一） headings in 楷体_GB2312, 3号, two characters in', () => {
    const h1 = find(list, '一、坚持立德树人')
    const h2 = find(list, '（二）深化劳动教育')
    expect([h1.style, h1.runs[0].fonts['w:eastAsia'], h1.runs[0].size, h1.runs[0].bold]).toEqual(['Heading1', '黑体', '32', false])
    expect([h2.style, h2.runs[0].fonts['w:eastAsia'], h2.runs[0].size]).toEqual(['Heading2', '楷体_GB2312', '32'])
    for (const h of [h1, h2]) expect(prop(h, 'w:ind')?.attrs['w:firstLineChars']).toBe('200')
    expect(find(list, '二、促进基础教育').style).toBe('Heading1')
  })

  it('writes item numbers as text, continuous across sub-sections, with the lead sentence in bold', () => {
    const first = find(list, '1.')
    expect(first.runs.map((r) => [r.text, r.bold])).toEqual([
      ['1.推进大思政课建设。', true],
      ['建设区级“大思政课”实践教学基地10个。', false],
    ])
    expect(list.map((p) => /^(\d+)\./.exec(p.text)?.[1]).filter(Boolean)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(find(list, '4.开齐开足劳动课程。').runs).toHaveLength(1)
  })

  it('replaces the blue heading and title styles of the docx library', () => {
    for (const id of ['Normal', 'Title', 'NoticeTitle', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']) {
      const s = style(exported.styles, id)
      expect(s, id).toBeDefined()
      expect(
        descendants(s as XmlElement, 'w:color').map((c) => c.attrs['w:val']),
        id,
      ).toEqual(['000000'])
    }
    const h1Fonts = descendants(style(exported.styles, 'Heading1') as XmlElement, 'w:rFonts')[0]?.attrs
    expect(h1Fonts?.['w:eastAsia']).toBe('黑体')
  })
})

describe('exportDocx: page numbers', () => {
  it('numbers odd pages "— n —" at the right and even pages at the left with a PAGE field in 4号 宋体', async () => {
    const { settings, footers } = await parts(districtSeed())
    expect(child(settings, 'w:evenAndOddHeaders')).toBeDefined()
    expect([...footers.keys()].sort()).toEqual(['default', 'even'])
    for (const [type, footer] of footers) {
      const p = descendants(footer, 'w:p')[0]
      const pPr = child(p, 'w:pPr')
      const ind = child(pPr, 'w:ind')?.attrs
      expect(child(pPr, 'w:jc')?.attrs['w:val']).toBe(type === 'default' ? 'right' : 'left')
      expect(ind?.[type === 'default' ? 'w:right' : 'w:left']).toBe('280')
      expect(descendants(p, 'w:instrText').map((t) => t.text.trim())).toEqual(['PAGE'])
      expect(
        descendants(p, 'w:t')
          .map((t) => t.text)
          .join('#'),
      ).toBe('— # —')
      expect(descendants(p, 'w:sz')[0]?.attrs['w:val']).toBe('28')
      expect(descendants(p, 'w:rFonts')[0]?.attrs['w:eastAsia']).toBe('宋体')
    }
  })
})

describe('exportDocx: cover notice and closing', () => {
  it('prints the cover notice first and the plan on a new page under the 附件 label', async () => {
    const list = paragraphs((await parts(districtSeed())).body)
    const texts = list.map((p) => p.text).filter(Boolean)
    expect(texts.slice(0, 7)).toEqual([
      '关于印发《2021年下半年\n闵行教育工作要点》的通知',
      '各学校（幼儿园）、单位：',
      '现将《2021年下半年闵行教育工作要点》印发给你们，请结合本单位实际，认真按照执行。',
      '附件：2021年下半年闵行教育工作要点',
      '上海市闵行区教育局',
      '2021年9月14日',
      '附件',
    ])
    const label = list.find((p) => p.text === '附件') as ParagraphInfo
    expect(prop(label, 'w:pageBreakBefore')).toBeDefined()
    expect(label.runs[0].fonts['w:eastAsia']).toBe('黑体')
    const at = list.indexOf(label)
    expect(list.slice(at + 1, at + 3).map((p) => p.text)).toEqual(['', '2021年下半年闵行教育工作要点'])
    const attachment = find(list, '附件：')
    expect(prop(attachment, 'w:ind')?.attrs).toMatchObject({ 'w:left': String(5 * 320), 'w:hanging': String(3 * 320) })
  })

  it('leaves the notice out when asked, starting with the plan title', async () => {
    const list = paragraphs((await parts(districtSeed(), { notice: false })).body)
    expect(list[0].text).toBe('2021年下半年闵行教育工作要点')
    expect(list.some((p) => p.text === '附件' || p.text.startsWith('附件：') || p.text.startsWith('关于印发'))).toBe(false)
  })

  it('derives the notice title from the plan title and numbers several attachments', async () => {
    const p = subsectionPlan()
    p.notice = { addressee: '各中小学、幼儿园', body: ['现将有关材料印发给你们。'], attachment: '2025年闵行区教育工作要点\n重点项目清单。', issuer: '上海市闵行区教育局', date: '2025-02-18' }
    const list = paragraphs((await parts(p)).body)
    expect(list[0].text.replace('\n', '')).toBe('关于印发《2025年闵行区教育工作要点》的通知')
    expect(find(list, '附件：').text).toBe('附件：1.2025年闵行区教育工作要点')
    expect(find(list, '2.').text).toBe('2.重点项目清单')
    const label = list.find((p) => p.text.startsWith('附件') && !p.text.startsWith('附件：'))
    expect([label?.text, label && prop(label, 'w:pageBreakBefore') !== undefined]).toEqual(['附件1', true])
    expect(list.some((p) => p.text === '2025年2月18日')).toBe(true)
  })

  it('writes the closing one blank line below the text: issuer two characters in, date below without zero padding', async () => {
    const p = plan({ sections: [section('总体要求', [item('落实任务。', '完成目标。')])], closing: { issuer: '上海市闵行区教育局', date: '2024年03月05日' } })
    const list = paragraphs((await parts(p)).body)
    const [blank, issuer, date] = list.slice(-3)
    expect(blank.text).toBe('')
    expect([issuer.text, issuer.align, prop(issuer, 'w:ind')?.attrs['w:right']]).toEqual(['上海市闵行区教育局', 'right', '640'])
    // The date (6 characters: four digits and two single digits count half) starts two characters right of the
    // issuer (9 characters): 2 + 9 − 6 − 2 = 3 characters from the edge.
    expect([date.text, date.align, prop(date, 'w:ind')?.attrs['w:right']]).toEqual(['2024年3月5日', 'right', '960'])
  })
})

describe('exportDocx: text', () => {
  it('writes full-width punctuation in Chinese text and keeps ASCII in numbers', async () => {
    const p = plan({ sections: [section('总体要求', [item('加强管理,提高质量.', '按照5:3:2比例推进(试点)工作;版本2.0上线?是!引用"双减"政策')])] })
    const list = paragraphs((await parts(p)).body)
    expect(find(list, '1.').text).toBe('1.加强管理，提高质量。按照5:3:2比例推进（试点）工作；版本2.0上线？是！引用“双减”政策')
  })

  it('records the plan title and issuer in the document properties', async () => {
    const { core } = await parts(districtSeed())
    expect(core).toContain('<dc:title>2021年下半年闵行教育工作要点</dc:title>')
    expect(core).toContain('<dc:creator>上海市闵行区教育局</dc:creator>')
  })
})

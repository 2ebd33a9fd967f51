import { mkdirSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { diffTableDocx } from '../../../server/export/diffTable.ts'
import type { ReviewAuthor } from '../../../shared/api/review.ts'
import { parseXml, type XmlElement } from '../../../server/import/docx/xmlTree.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import { seedDraft, type SeedDraft } from '../../shared/diff/fixtures/seedDraft.ts'
import { reviewModel } from '../../../shared/review/reviewModel.ts'
import { reviewRows } from '../../../shared/review/reviewRows.ts'
import type { Paragraph } from '../../../shared/review/textParagraphs.ts'
import { subsectionBase, subsectionRenamed } from '../../shared/review/subsectionPlans.ts'
import { docxToPdf, pageToPng, pdfFonts, renderUnavailable } from './render/soffice.ts'

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/diff/', import.meta.url))

let fixture: SeedDraft
let bytes: Uint8Array
let body: XmlElement

function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c)
      walk(c)
    }
  }
  walk(el)
  return out
}

function first(el: XmlElement, name: string): XmlElement | undefined {
  return all(el, name)[0]
}

function textOf(el: XmlElement): string {
  return all(el, 'w:t')
    .map((t) => t.text)
    .join('')
}

/** Runs of a cell with their marks. */
function runs(cell: XmlElement): { text: string; strike: boolean; bold: boolean; underline: boolean }[] {
  return all(cell, 'w:r').map((r) => {
    const pr = first(r, 'w:rPr')
    return {
      text: textOf(r),
      strike: !!(pr && first(pr, 'w:strike')),
      bold: !!(pr && first(pr, 'w:b')),
      underline: !!(pr && first(pr, 'w:u')),
    }
  })
}

beforeAll(async () => {
  fixture = seedDraft()
  const diff = diffPlans(fixture.source, fixture.draft)
  bytes = await diffTableDocx(diff, { oldTitle: fixture.source.title, newTitle: fixture.draft.title })
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')
  body = parseXml(xml ?? '').root
})

describe('diffTableDocx', () => {
  it('sets A4 landscape', () => {
    expect(first(body, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' })
  })

  it('opens with the title and the two plans compared', () => {
    const paragraphs = all(body, 'w:p').map(textOf)
    expect(paragraphs[0]).toBe('《2022年下半年闵行教育工作要点》修改对照表')
    expect(paragraphs[1]).toBe('原文：2021年下半年闵行教育工作要点　　修改后：2022年下半年闵行教育工作要点')
    expect(paragraphs[2]).toContain('条目变化 14 处（修改 4 处，移动 4 处，合并 1 处，拆分 1 处，新增 2 处，删除 2 处），未修改 17 条')
  })

  it('has a repeated header row 原文 | 修改后 | 修改说明 and one row per changed item and section', () => {
    const rows = all(body, 'w:tr')
    const header = rows[0]
    expect(first(header, 'w:tblHeader')).toBeDefined()
    expect(all(header, 'w:tc').map(textOf)).toEqual(['原文', '修改后', '修改说明'])
    const notes = rows.slice(1).map((r) => all(r, 'w:tc').map(textOf))
    // 14 changed items, 3 changed sections (四 removed, 八 renamed, 九 added) and the headings of the
    // 5 unchanged sections with changes (一, 三, 五→四, 六→五, 七→六): see the seed draft's edits.
    const sectionRow = (cells: string[]): boolean => /^【(标题修改|新增部分|删除部分)】(部分标题修改|新增部分|删除部分)/.test(cells[2])
    expect(notes.filter((cells) => cells.length === 3 && sectionRow(cells))).toHaveLength(3)
    expect(notes.filter((cells) => cells.length === 3 && !sectionRow(cells) && /^【(修改|移动|合并|拆分|新增|删除)】/.test(cells[2]))).toHaveLength(14)
    expect(notes.filter((cells) => cells.length === 1).map((c) => c[0])).toEqual([
      '一、抓好疫情防控，加强校园安全管理',
      '三、落实改革任务，塑造良好教育生态',
      '四、坚持五育并举，建构全面育人体系',
      '五、加强内涵建设，促进教育优质发展',
      '六、落实发展规划，推进教育重点项目',
    ])
  })

  it('strikes deleted text in 原文 and marks new text bold and underlined in 修改后', () => {
    const row = all(body, 'w:tr').find((r) => textOf(r).startsWith('15.推动学前教育普惠优质'))
    expect(row).toBeDefined()
    const [oldCell, newCell, note] = all(row as XmlElement, 'w:tc')
    expect(textOf(oldCell).startsWith('15.')).toBe(true)
    expect(textOf(newCell).startsWith('12.')).toBe(true)
    expect(
      runs(oldCell)
        .filter((r) => r.strike)
        .map((r) => r.text),
    ).toEqual(['6', '60%'])
    expect(
      runs(newCell)
        .filter((r) => r.bold && r.underline)
        .map((r) => r.text),
    ).toEqual(['8', '65%'])
    expect(runs(oldCell).some((r) => r.bold)).toBe(false)
    expect(textOf(note)).toBe('【修改】修改文字（原第15条）；指标：新开办公办幼儿园 6所 → 8所（提高）；公办幼儿园覆盖率 60% → 65%（提高）')
  })

  it('shows merged items as several numbered paragraphs in 原文', () => {
    const row = all(body, 'w:tr').find((r) => textOf(r).includes('原第6、7条合并为第6条')) as XmlElement
    const oldParagraphs = all(all(row, 'w:tc')[0], 'w:p').map(textOf)
    expect(oldParagraphs.map((p) => p.slice(0, 3))).toEqual(['6.贯', '7.落'])
  })

  it('writes （删除） for a removed item and （无） for an added one', () => {
    const rows = all(body, 'w:tr').map((r) => all(r, 'w:tc').map(textOf))
    expect(rows.find((c) => c[0]?.startsWith('26.平稳应对大体量招生'))?.slice(1)).toEqual(['（删除）', '【删除】删除原第26条'])
    expect(rows.find((c) => c[1]?.startsWith('25.加强教育系统安全生产'))?.[0]).toBe('（无）')
  })

  it('writes every run with a Chinese East Asian font and the zh-CN language', () => {
    const rs = all(body, 'w:r').filter((r) => textOf(r))
    expect(rs.length).toBeGreaterThan(50)
    for (const r of rs) {
      expect(['方正小标宋简体', '黑体', '仿宋_GB2312']).toContain(first(r, 'w:rFonts')?.attrs['w:eastAsia'])
      expect(first(r, 'w:lang')?.attrs['w:eastAsia']).toBe('zh-CN')
    }
  })

  it('says there is nothing to compare when the plans are the same', async () => {
    const same = await diffTableDocx(diffPlans(fixture.source, fixture.source), { oldTitle: 'A', newTitle: 'A' })
    const xml = (await (await JSZip.loadAsync(same)).file('word/document.xml')?.async('string')) ?? ''
    expect(xml).not.toContain('<w:tbl>')
    expect(xml).toContain('两份文本的条目和部分标题没有变化。')
  })
})

describe('diffTableDocx draws the review model the page draws', () => {
  const plain = (ps: Paragraph[] | null, none: string): string => (ps ? ps.map((p) => (p.label ?? '') + p.segments.map((x) => x.text).join('')).join('') : none)
  const tableOf = async (bytes: Uint8Array): Promise<string[][]> => {
    const root = parseXml((await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '').root
    return all(root, 'w:tr')
      .slice(1)
      .map((r) => all(r, 'w:tc').map(textOf))
  }

  it('shows a renamed sub-section heading as a 标题修改 row under its section, as the page model does', async () => {
    const diff = diffPlans(subsectionBase(), subsectionRenamed())
    const page = reviewModel(diff).sections[0].subsections[1]
    expect(page.chip).toBe('标题修改')
    const docx = await diffTableDocx(diff, { oldTitle: 'A', newTitle: 'B' })
    const root = parseXml((await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '').root
    expect(all(root, 'w:p').map(textOf)[2]).toBe('原文 4 条，修改后 4 条；条目没有变化（4 条）；部分（小节）标题修改 1 处。')
    const rows = await tableOf(docx)
    expect(rows).toEqual([['一、坚持立德树人，加强思想政治工作'], ['（二）深化劳动教育', '（二）深化劳动教育和社会实践', `【${page.chip}】小节标题修改（原（二），现（二））`]])
  })

  it('has exactly the rows of the review model, in its order, for the seed draft', async () => {
    const model = reviewModel(diffPlans(fixture.source, fixture.draft))
    const expected = reviewRows(model).map((r) => (r.type === 'heading' ? [r.text] : [plain(r.old, '（无）'), plain(r.new, '（删除）'), `【${r.chip}】${r.description}`]))
    expect(await tableOf(bytes)).toEqual(expected)
  })
})

describe('diffTableDocx for a review against a version', () => {
  it('names in 修改说明 who changed each item, latest first, in Beijing time', async () => {
    const diff = diffPlans(fixture.source, fixture.draft)
    const item = fixture.draft.sections.flatMap((s) => s.items).find((i) => i.title.startsWith('推动学前教育普惠优质'))
    expect(item).toBeDefined()
    const person = (userId: string, name: string, last: string): ReviewAuthor => ({ userId, name, color: '#c0392b', first: last, last, updates: 3 })
    const authors = { [item!.id]: [person('u1', '张伟', '2026-11-22T01:12:00.000Z'), person('u2', '李娜', '2026-11-22T06:30:00.000Z')] }
    const withAuthors = await diffTableDocx(diff, { oldTitle: 'A', newTitle: 'B', authors })
    const root = parseXml((await (await JSZip.loadAsync(withAuthors)).file('word/document.xml')?.async('string')) ?? '').root
    const rows = all(root, 'w:tr').map((r) => all(r, 'w:tc').map(textOf))
    const row = rows.find((c) => c[0]?.startsWith('15.推动学前教育普惠优质'))
    expect(row?.[2]).toMatch(/修改人：李娜（2026年11月22日 14:30）、张伟（2026年11月22日 09:12）$/)
    expect(rows.filter((c) => c[2]?.includes('修改人：'))).toHaveLength(1)
    expect(
      all(root, 'w:p')
        .map(textOf)
        .some((p) => p.includes('时间为北京时间')),
    ).toBe(true)
    // Without attribution (a comparison with last year's plan) no row names anyone.
    expect(all(body, 'w:tr').some((r) => textOf(r).includes('修改人：'))).toBe(false)
  })
})

describe('diffTableDocx rendered by LibreOffice', () => {
  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)('renders in Chinese fonts with the table text on landscape pages', async () => {
    const { table } = await docxToPdf({ table: bytes })
    const text = execFileSync('pdftotext', ['-layout', table, '-'], { encoding: 'utf8' })
    expect(text).toContain('修改对照表')
    // Narrow cells wrap, so look for short strings that fit on one line.
    expect(text).toContain('【合并】')
    expect(text).toContain('修改说明')
    const size = execFileSync('pdfinfo', [table], { encoding: 'utf8' })
    expect(size).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/)
    const fonts = await pdfFonts(table)
    expect(fonts.some((f) => /NotoSerifCJK|NotoSansCJK/.test(f))).toBe(true)
    expect(fonts.some((f) => /DejaVu/.test(f))).toBe(false)
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(`${ARTIFACTS}table.docx`, bytes)
    await pageToPng(table, 1, `${ARTIFACTS}table-page1`)
  })
})

import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { importDocx } from '../../../server/import/docx.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import { PlanError } from '../../../shared/plan/errors.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'
import { buildDocx, lvl, numPr, para } from './docxPackage.ts'

function withoutIds(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === 'id' ? undefined : value)))
}

/**
 * A plan written to .docx the way a bureau's Word file looks: sections and items numbered by Word's
 * automatic numbering (the numbers are not in the text), lead sentences in bold.
 */
async function planToAutoNumberedDocx(plan: Plan, options: { boldLeads?: boolean } = {}): Promise<Uint8Array> {
  const children: Paragraph[] = []
  const text = (t: string): Paragraph => new Paragraph({ children: [new TextRun(t)] })
  if (plan.notice) {
    const n = plan.notice
    if (n.title) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(n.title)] }))
    children.push(text(`${n.addressee}：`), ...n.body.map(text))
    if (n.attachment) children.push(text(`附件：${n.attachment}`))
    if (n.issuer) children.push(text(n.issuer))
    if (n.date) children.push(text(n.date))
  }
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: plan.title, bold: true })] }))
  children.push(...plan.preamble.map(text))
  for (const section of plan.sections) {
    children.push(new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun({ text: section.heading, bold: true })] }))
    for (const item of section.items) {
      const [first = '', ...rest] = item.body.split('\n')
      children.push(new Paragraph({ numbering: { reference: 'items', level: 0 }, children: [new TextRun({ text: item.title, bold: options.boldLeads !== false }), new TextRun(first)] }))
      children.push(...rest.map(text))
    }
  }
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 }] },
        { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 }] },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

async function planError(promise: Promise<unknown>): Promise<PlanError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError)
    return err as PlanError
  }
  throw new Error('expected a PlanError')
}

describe('importDocx with Word automatic numbering (docx package numbering config)', () => {
  it('reads seed 000 saved as a Word file with automatic numbers exactly as the text seed', async () => {
    const seed = districtSeed()
    const { plan, warnings } = await importDocx(await planToAutoNumberedDocx(seed))
    expect(withoutIds(plan)).toEqual(withoutIds(seed))
    expect(itemPlaces(plan)).toHaveLength(30)
    // 8 section headings and 30 items got their numbers from numbering.xml.
    expect(warnings).toEqual([{ code: 'docx-numbering-applied', message: '已按 Word 自动编号补出 38 处编号' }])
  })

  it('reads seed 001 saved as a Word file with automatic numbers, still warning that it is truncated', async () => {
    const seed = municipalSeed()
    const { plan, warnings } = await importDocx(await planToAutoNumberedDocx(seed))
    expect(withoutIds(plan)).toEqual(withoutIds(seed))
    expect(warnings.map((w) => w.code)).toEqual(['docx-numbering-applied', 'truncated'])
  })

  it('takes bold lead sentences as titles even when they do not end with 。', async () => {
    const body = [
      para(['2025年工作要点']),
      para([['加强安全', true]], numPr(1)),
      para([['做好安全工作', true], '：确保全区学校安全。加强巡查。'], numPr(2)),
      para([['深化改革', true], '。推进评价改革。'], numPr(2)),
    ].join('')
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`
    const { plan } = await importDocx(await buildDocx({ body, numbering }))
    expect(itemPlaces(plan).map((p) => [p.item.title, p.item.body])).toEqual([
      ['做好安全工作', '：确保全区学校安全。加强巡查。'],
      ['深化改革。', '推进评价改革。'],
    ])
  })
})

describe('importDocx with numbering written as raw numbering.xml', () => {
  const SECTION_AND_ITEMS = [
    '<w:abstractNum w:abstractNumId="7">',
    lvl(0, 'chineseCountingThousand', '%1、'),
    lvl(1, 'chineseCounting', '（%2）'),
    // Items never restart: numbered 1, 2, … across the whole plan, as plans are.
    lvl(2, 'decimal', '%3.', '<w:lvlRestart w:val="0"/>'),
    '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>',
  ].join('')

  it('numbers a three-level list: sections 一、, sub-sections （一）, items 1. continuous', async () => {
    const body = [
      para(['2025年某区教育工作要点']),
      para(['加强党建'], numPr(3, 0)),
      para(['思政教育'], numPr(3, 1)),
      para([['坚持铸魂育人。', true], '内容一。'], numPr(3, 2)),
      para([['推进思政工作。', true], '内容二。'], numPr(3, 2)),
      para(['体育卫生'], numPr(3, 1)),
      para([['加强体育工作。', true], '内容三。'], numPr(3, 2)),
      para(['深化改革'], numPr(3, 0)),
      para(['考试改革'], numPr(3, 1)),
      para([['深化考试改革。', true], '内容四。'], numPr(3, 2)),
    ].join('')
    const { plan, warnings } = await importDocx(await buildDocx({ body, numbering: SECTION_AND_ITEMS }))
    expect(plan.sections.map((s) => [s.heading, s.subsections.map((u) => u.heading)])).toEqual([
      ['加强党建', ['思政教育', '体育卫生']],
      ['深化改革', ['考试改革']],
    ])
    expect(itemPlaces(plan).map((p) => `${p.number}${p.item.title}`)).toEqual(['1坚持铸魂育人。', '2推进思政工作。', '3加强体育工作。', '4深化考试改革。'])
    expect(warnings.map((w) => w.code)).toEqual(['docx-numbering-applied'])
  })

  it('takes numbering from paragraph styles (styles.xml), through basedOn, and lets numId 0 switch it off', async () => {
    const styles = [
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
      `<w:style w:type="paragraph" w:styleId="PlanSection"><w:name w:val="Plan Section"/><w:pPr>${numPr(5, 0)}</w:pPr></w:style>`,
      `<w:style w:type="paragraph" w:styleId="PlanItem"><w:name w:val="Plan Item"/><w:pPr>${numPr(6)}</w:pPr></w:style>`,
      '<w:style w:type="paragraph" w:styleId="PlanItemIndented"><w:name w:val="Plan Item Indented"/><w:basedOn w:val="PlanItem"/></w:style>',
    ].join('')
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1．')}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>`
    const body = [
      para(['2025年某区教育工作要点']),
      para(['加强党建'], '<w:pStyle w:val="PlanSection"/>'),
      para(['坚持党建引领。内容一。'], '<w:pStyle w:val="PlanItem"/>'),
      // Styled as an item but numbering switched off: a continuation paragraph of item 1.
      para(['续段。'], `<w:pStyle w:val="PlanItem"/>${numPr(0)}`),
      para(['加强干部队伍建设。内容二。'], '<w:pStyle w:val="PlanItemIndented"/>'),
      para(['深化改革'], '<w:pStyle w:val="PlanSection"/>'),
      para(['深化评价改革。内容三。'], '<w:pStyle w:val="PlanItem"/>'),
    ].join('')
    const { plan, warnings } = await importDocx(await buildDocx({ body, numbering, styles }))
    expect(plan.sections.map((s) => s.heading)).toEqual(['加强党建', '深化改革'])
    expect(itemPlaces(plan).map((p) => [p.number, p.item.title, p.item.body])).toEqual([
      [1, '坚持党建引领。', '内容一。\n续段。'],
      [2, '加强干部队伍建设。', '内容二。'],
      [3, '深化评价改革。', '内容三。'],
    ])
    expect(warnings).toEqual([{ code: 'docx-numbering-applied', message: '已按 Word 自动编号补出 5 处编号' }])
  })

  it('honours start values, lists that continue a shared abstract numbering, and startOverride restarts', async () => {
    // Items 1–2 in list 1, item 3 in list 2 (same abstract: continues), then list 3 restarts at 1 with startOverride.
    const numbering = [
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1、')}</w:abstractNum>`,
      '<w:num w:numId="9"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    ].join('')
    const body = [
      para(['2025年某区教育工作要点']),
      para(['安全'], numPr(9, 0)),
      para(['甲条。内容。'], numPr(1, 0)),
      para(['乙条。内容。'], numPr(1, 0)),
      para(['改革'], numPr(9, 0)),
      para(['丙条。内容。'], numPr(2, 0)),
      para(['附则'], numPr(9, 0)),
      para(['丁条。内容。'], numPr(3, 0)),
    ].join('')
    const { plan, warnings } = await importDocx(await buildDocx({ body, numbering }))
    expect(plan.sections.map((s) => s.items.map((i) => i.title))).toEqual([['甲条。', '乙条。'], ['丙条。'], ['丁条。']])
    // The restart at 丁条 is what the Word file shows; the plan numbers on continuously and says so.
    expect(warnings.map((w) => w.code)).toEqual(['docx-numbering-applied', 'numbering-restarts'])
  })

  it('shows a gap when a list starts at a later number', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.', '', 1)}</w:abstractNum><w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '%1.', '', 4)}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>`
    const body = [para(['2025年要点']), para(['安全'], numPr(1, 0)), para(['甲条。内容。'], numPr(2, 0)), para(['乙条。内容。'], numPr(2, 0)), para(['丁条。内容。'], numPr(3, 0))].join('')
    const { plan, warnings } = await importDocx(await buildDocx({ body, numbering }))
    expect(itemPlaces(plan).map((p) => p.item.title)).toEqual(['甲条。', '乙条。', '丁条。'])
    expect(warnings.map((w) => w.message)).toContain('编号不连续：第2条之后是第4条')
  })

  it('reads sub-sections numbered (一) by a second list level and items numbered 1、', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '(%2)')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`
    const body = [
      para(['2025年要点']),
      para(['安全'], numPr(1, 0)),
      para(['校园安全'], numPr(1, 1)),
      para(['甲条。内容。'], numPr(2, 0)),
      para(['食品安全'], numPr(1, 1)),
      para(['乙条。内容。'], numPr(2, 0)),
    ].join('')
    const { plan } = await importDocx(await buildDocx({ body, numbering }))
    expect(plan.sections[0].subsections.map((u) => [u.heading, u.items.map((i) => i.title)])).toEqual([
      ['校园安全', ['甲条。']],
      ['食品安全', ['乙条。']],
    ])
  })

  it('gives bullets no number and leaves them as body text', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '●')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>`
    const body = [para(['2025年要点']), para(['安全'], numPr(1, 0)), para(['甲条。内容。'], numPr(2, 0)), para(['要点一；'], numPr(3, 0)), para(['乙条。内容。'], numPr(2, 0))].join('')
    const { plan, warnings } = await importDocx(await buildDocx({ body, numbering }))
    expect(itemPlaces(plan).map((p) => [p.item.title, p.item.body])).toEqual([
      ['甲条。', '内容。\n要点一；'],
      ['乙条。', '内容。'],
    ])
    expect(warnings[0]).toEqual({ code: 'docx-numbering-applied', message: '已按 Word 自动编号补出 3 处编号' })
  })
})

describe('importDocx with literal numbers (as our own export writes them)', () => {
  it('reads numbers typed into the text and bold leads that include the number', async () => {
    const body = [
      para(['2025年某区教育工作要点']),
      para(['一、加强党建']),
      para([['1.坚持党建引领', true], '：深化党建工作。']),
      para(['2.', ['加强干部队伍建设。', true], '完善机制。']),
      para(['二、深化改革']),
      para([['3．深化评价改革。推进综合素质评价。', true]]),
    ].join('')
    const { plan, warnings } = await importDocx(await buildDocx({ body }))
    expect(plan.sections.map((s) => s.heading)).toEqual(['加强党建', '深化改革'])
    expect(itemPlaces(plan).map((p) => [p.item.title, p.item.body])).toEqual([
      ['坚持党建引领', '：深化党建工作。'],
      ['加强干部队伍建设。', '完善机制。'],
      // Bold throughout says nothing about where the lead ends: the first 。 decides.
      ['深化评价改革。', '推进综合素质评价。'],
    ])
    expect(warnings).toEqual([])
  })
})

describe('importDocx on bad input', () => {
  it('refuses bytes that are not a zip', async () => {
    const err = await planError(importDocx(new TextEncoder().encode('这不是一个 Word 文件，只是改了扩展名的文本。')))
    expect(err.code).toBe('not-a-docx')
    expect(err.message).toContain('.docx')
  })

  it('refuses a zip without word/document.xml', async () => {
    const zip = new JSZip()
    zip.file('readme.txt', '不是 Word 文件')
    const err = await planError(importDocx(await zip.generateAsync({ type: 'uint8array' })))
    expect(err.code).toBe('docx-missing-document')
    expect(err.message).toContain('word/document.xml')
    expect((await planError(importDocx(await buildDocx({ body: '', withoutDocument: true })))).code).toBe('docx-missing-document')
  })

  it('refuses a 50 MB file before opening it', async () => {
    const err = await planError(importDocx(new Uint8Array(50 * 1024 * 1024)))
    expect(err.code).toBe('file-too-large')
  })

  it('refuses a .docx whose document.xml is damaged', async () => {
    const zip = await JSZip.loadAsync(await buildDocx({ body: para(['一、安全']) }))
    zip.file('word/document.xml', '<w:document xmlns:w="x"><w:body><w:p></w:body>')
    expect((await planError(importDocx(await zip.generateAsync({ type: 'uint8array' })))).code).toBe('docx-damaged')
  })

  it('refuses a .docx without text, and one whose text has no structure', async () => {
    expect((await planError(importDocx(await buildDocx({ body: '<w:p/><w:p></w:p>' })))).code).toBe('empty-file')
    expect((await planError(importDocx(await buildDocx({ body: para(['只有一句话，没有任何编号。']) })))).code).toBe('no-structure')
  })
})

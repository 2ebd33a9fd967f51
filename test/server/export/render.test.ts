import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { districtSeed, municipalSeed } from '../../utils/seeds.ts'
import { fullPagePlan, subsectionPlan } from './fixtures.ts'
import { pdfPages, type PdfLine, type PdfPage } from './render/pdfLayout.ts'
import { docxToPdf, pageToPng, pdfFonts, renderUnavailable } from './render/soffice.ts'

// The text block of GB/T 9704 in points: margins 2098/1984/1587/1474 twips on A4.
const BLOCK = { top: 2098 / 20, bottom: (16838 - 1984) / 20, left: 1587 / 20, right: (11906 - 1474) / 20 }
const PITCH = 579 / 20
const MM = 72 / 25.4
const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/export/', import.meta.url))
// The stand-ins of fonts.conf: Noto Serif CJK SC (仿宋, 宋体, 小标宋), Noto Sans CJK SC (黑体), AR PL KaitiM GB (楷体, PostScript GBZenKai).
const CJK_FONT = /^(NotoSerifCJK|NotoSansCJK|GBZenKai)/

const skip = renderUnavailable()
if (skip) console.warn(skip)

/** Lines inside the text block (page numbers sit below it). */
const bodyLines = (page: PdfPage): PdfLine[] => page.lines.filter((l) => l.yMax <= BLOCK.bottom + 1)
const pageNumber = (page: PdfPage): PdfLine | undefined => page.lines.find((l) => /^—\d+—$/.test(l.text.replace(/\s/g, '')))

describe.skipIf(skip !== undefined)('export rendered by LibreOffice', () => {
  let pdf: Record<string, string>
  const pages: Record<string, PdfPage[]> = {}

  beforeAll(async () => {
    pdf = await docxToPdf({
      notice: await exportDocx(districtSeed()),
      municipal: await exportDocx(municipalSeed()),
      subsections: await exportDocx(subsectionPlan()),
      full: await exportDocx(fullPagePlan()),
    })
    for (const [name, path] of Object.entries(pdf)) pages[name] = await pdfPages(path)
  })

  it('renders A4 pages', () => {
    for (const list of Object.values(pages)) for (const page of list) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842])
  })

  it('fills a full page with 22 lines, one every 28.95 pt from the top of the text block', () => {
    const page = pages.full[1]
    const lines = bodyLines(page)
    expect(lines).toHaveLength(22)
    expect(lines[0].yMin).toBeGreaterThan(BLOCK.top)
    expect(lines[0].yMin).toBeLessThan(BLOCK.top + PITCH)
    for (let i = 1; i < lines.length; i++) expect(lines[i].yMin - lines[i - 1].yMin).toBeCloseTo(PITCH, 0)
    expect(lines[21].yMax).toBeLessThanOrEqual(BLOCK.bottom)
  })

  it('never puts more than 22 lines on a page of the seeds, and fills pages that run on', () => {
    for (const name of ['notice', 'municipal']) {
      const counts = pages[name].map((p) => bodyLines(p).length)
      expect(Math.max(...counts), name).toBeLessThanOrEqual(22)
      expect(counts.filter((c) => c >= 21).length, name).toBeGreaterThanOrEqual(Math.floor(counts.length / 2))
    }
  })

  it('sets 28 characters on a full line and 26 after the two-character indent', () => {
    const full = pages.full
      .slice(1)
      .flatMap(bodyLines)
      .filter((l) => l.xMax > BLOCK.right - 3)
    expect(full.length).toBeGreaterThan(40)
    for (const line of full) {
      const indented = line.xMin > BLOCK.left + PITCH / 2
      // An item's first line: "3." (two half-width characters, one em) and 25 characters after the indent.
      const expected = indented ? (/^\d\./.test(line.text) ? 27 : 26) : 28
      expect(Array.from(line.text).length, line.text).toBe(expected)
    }
  })

  it('prints "— 1 —" at the right of page 1 and "— 2 —" at the left of page 2, one character in, 7 mm below the text', () => {
    const [one, two, three] = pages.notice.map(pageNumber)
    expect(one?.text.replace(/\s/g, '')).toBe('—1—')
    expect(two?.text.replace(/\s/g, '')).toBe('—2—')
    expect(three?.text.replace(/\s/g, '')).toBe('—3—')
    const oneCharacter = 14
    expect(one?.xMax).toBeCloseTo(BLOCK.right - oneCharacter, -0.5)
    expect(three?.xMax).toBeCloseTo(BLOCK.right - oneCharacter, -0.5)
    expect(two?.xMin).toBeCloseTo(BLOCK.left + oneCharacter, -0.5)
    for (const n of [one, two, three]) {
      const middle = ((n?.yMin ?? 0) + (n?.yMax ?? 0)) / 2
      expect((middle - BLOCK.bottom) / MM).toBeGreaterThan(6)
      expect((middle - BLOCK.bottom) / MM).toBeLessThan(8)
    }
  })

  it('puts the notice on page 1 and the plan under 附件 on page 2, its title on the third line', () => {
    const [first, second] = pages.notice
    expect(bodyLines(first).map((l) => l.text)).toContain('各学校（幼儿园）、单位：')
    const [label, title] = bodyLines(second)
    expect(label.text).toBe('附件')
    expect(label.xMin).toBeCloseTo(BLOCK.left, 0)
    expect(title.text).toBe('2021年下半年闵行教育工作要点')
    expect(Math.round((title.yMax - label.yMax) / PITCH)).toBe(2)
  })

  it('uses only fonts with Chinese glyphs: serif for 仿宋 and 小标宋, sans for 黑体, kai for 楷体', async () => {
    for (const path of Object.values(pdf)) {
      const fonts = await pdfFonts(path)
      expect(fonts.length).toBeGreaterThan(0)
      for (const font of fonts) expect(font).toMatch(CJK_FONT)
    }
    const fonts = await pdfFonts(pdf.subsections)
    for (const family of ['NotoSerifCJK', 'NotoSansCJK', 'GBZenKai'])
      expect(
        fonts.some((f) => f.startsWith(family)),
        family,
      ).toBe(true)
  })

  it('saves page images for review in artifacts/export', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    const saved = [
      await pageToPng(pdf.notice, 1, `${ARTIFACTS}notice-page1`),
      await pageToPng(pdf.notice, 2, `${ARTIFACTS}notice-page2`),
      await pageToPng(pdf.municipal, 1, `${ARTIFACTS}municipal-page1`),
      await pageToPng(pdf.municipal, 2, `${ARTIFACTS}municipal-page2`),
      await pageToPng(pdf.subsections, 1, `${ARTIFACTS}subsections-page1`),
    ]
    for (const png of saved) expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
  })
})

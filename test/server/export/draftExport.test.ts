import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readPlan, writePlan } from '../../../shared/collab/ydoc.ts'
import { carryForward } from '../../../shared/plan/carryForward.ts'
import { allItems } from '../../../shared/plan/numbering.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { exportDocx } from '../../../server/export/exportDocx.ts'
import { officialText } from '../../../server/export/officialText.ts'
import { importDocx } from '../../../server/import/docx.ts'
import { parseXml } from '../../../server/import/docx/xmlTree.ts'
import { instantiateTemplate, listTemplates } from '../../../server/templates/templates.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { pdfPages } from './render/pdfLayout.ts'
import { docxToPdf, renderUnavailable } from './render/soffice.ts'

/** A plan as the server reads it from a live document: written into a Y.Doc and read back through the shared schema. */
function throughYDoc(plan: Plan): Plan {
  const doc = new Y.Doc()
  writePlan(doc, plan)
  const back = readPlan(doc)
  doc.destroy()
  return back
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? ''
}

/** The printed text of document.xml, paragraph by paragraph. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
}

describe('exports of drafts as the editor holds them', () => {
  const drafts: Record<string, Plan> = {}
  const files: Record<string, Uint8Array> = {}
  beforeAll(async () => {
    drafts.carried = throughYDoc(carryForward(districtSeed()))
    for (const t of listTemplates()) drafts[`template-${t.name}`] = throughYDoc(instantiateTemplate(t.name))
    for (const [name, plan] of Object.entries(drafts)) files[name] = await exportDocx(plan)
  })

  it('reads the carried flags and the templates’ guidance back from the Y.Doc (the fixtures are what the editor has)', () => {
    expect(allItems(drafts.carried).every((i) => i.carried)).toBe(true)
    expect(drafts['template-district-annual'].sections.filter((s) => s.guidance).length).toBeGreaterThan(5)
    expect(allItems(drafts['template-district-annual']).every((i) => !i.title && !i.body)).toBe(true)
  })

  it('writes well-formed XML for every draft', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      const zip = await JSZip.loadAsync(bytes)
      for (const part of ['word/document.xml', 'word/styles.xml', 'word/fontTable.xml']) {
        const xml = await zip.file(part)?.async('string')
        expect(xml, `${name} ${part}`).toBeDefined()
        expect(() => parseXml(xml ?? ''), `${name} ${part}`).not.toThrow()
      }
    }
  })

  it('prints no drafting guidance and no carried marks', async () => {
    for (const [name, plan] of Object.entries(drafts)) {
      const xml = await documentXml(files[name])
      for (const section of plan.sections) {
        if (section.guidance) expect(xml, name).not.toContain(officialText(section.guidance).slice(0, 16))
      }
      expect(xml, name).not.toMatch(/carried|guidance|沿用/)
    }
  })

  it('prints the empty items of a template as their numbers, in order, under their headings', async () => {
    const plan = drafts['template-district-annual']
    const texts = paragraphTexts(await documentXml(files['template-district-annual']))
    expect(texts.filter((t) => /^\d+\.$/.test(t))).toEqual(allItems(plan).map((_, i) => `${i + 1}.`))
    expect(texts).toContain(`一、${plan.sections[0].heading}`)
  })

  it('gives the carried draft back on import: its items and the undated issuer of its notice', async () => {
    const { plan: back } = await importDocx(files.carried)
    const source = drafts.carried
    expect(back.title).toBe(source.title)
    expect(allItems(back).map((i) => [i.title, i.body])).toEqual(allItems(source).map((i) => [i.title, i.body]))
    expect(back.notice?.issuer).toBe('上海市闵行区教育局')
    expect(back.notice?.date).toBeUndefined()
    expect(back.closing?.date).toBeUndefined()
  })

  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)('opens every draft in LibreOffice', async () => {
    const pdfs = await docxToPdf(files)
    for (const [name, pdf] of Object.entries(pdfs)) expect((await pdfPages(pdf)).length, name).toBeGreaterThanOrEqual(1)
  })
})

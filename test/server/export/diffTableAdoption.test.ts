import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { diffTableDocx } from '../../../server/export/diffTable.ts'
import { parseXml, type XmlElement } from '../../../server/import/docx/xmlTree.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import type { DecidedSuggestion } from '../../../shared/review/adoption.ts'
import { subsectionBase, subsectionRenamed } from '../../shared/review/subsectionPlans.ts'
import { docxToPdf, pageToPng, renderUnavailable } from './render/soffice.ts'

const ARTIFACTS = fileURLToPath(new URL('../../../artifacts/diff/', import.meta.url))

const DECIDED: DecidedSuggestion[] = [
  { itemIds: ['i4'], decision: 'accepted' },
  { itemIds: ['i4'], decision: 'rejected', reason: '总量以市级下达为准' },
  { itemIds: ['i1'], decision: 'rejected', reason: '与市级表述不一致' },
  { itemIds: ['i2'], decision: 'accepted' },
]

let bytes: Uint8Array
let rows: string[][]

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

const textOf = (el: XmlElement): string =>
  all(el, 'w:t')
    .map((t) => t.text)
    .join('')

async function tableRows(docx: Uint8Array): Promise<string[][]> {
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? ''
  return all(parseXml(xml).root, 'w:tr').map((r) => all(r, 'w:tc').map(textOf))
}

beforeAll(async () => {
  bytes = await diffTableDocx(diffPlans(subsectionBase(), subsectionRenamed(true)), { oldTitle: '原文', newTitle: '修改后', decided: DECIDED })
  rows = await tableRows(bytes)
})

describe('the 修改对照表 with 采纳情况', () => {
  it('has a fourth column 采纳情况 with 采纳, 未采纳 and 部分采纳 and the editors’ reasons; other rows leave it empty', () => {
    expect(rows[0]).toEqual(['原文', '修改后', '修改说明', '采纳情况'])
    const adoption = rows.filter((r) => r.length === 4).map((r) => r[3])
    expect(adoption).toContain('部分采纳（采纳 1 处，未采纳 1 处；理由：总量以市级下达为准）')
    expect(adoption).toContain('未采纳（理由：与市级表述不一致）')
    expect(adoption).toContain('采纳')
    // The renamed sub-section heading had no decided 修订.
    expect(rows.find((r) => r[2]?.startsWith('【标题修改】'))?.[3]).toBe('')
    // Framing headings span the four columns.
    expect(rows.filter((r) => r.length === 1).length).toBeGreaterThan(0)
  })

  it('keeps three columns when nothing was decided since the base', async () => {
    const plain = await tableRows(await diffTableDocx(diffPlans(subsectionBase(), subsectionRenamed(true)), { oldTitle: '原文', newTitle: '修改后', decided: [] }))
    expect(plain[0]).toEqual(['原文', '修改后', '修改说明'])
    expect(plain.some((r) => r.length === 4)).toBe(false)
  })

  const skip = renderUnavailable()
  it.skipIf(skip !== undefined)('renders the column in LibreOffice', async () => {
    const { table } = await docxToPdf({ table: bytes })
    const text = execFileSync('pdftotext', ['-layout', table, '-'], { encoding: 'utf8' })
    expect(text).toContain('采纳情况')
    expect(text).toContain('部分采纳')
    expect(text).toContain('未采纳')
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(`${ARTIFACTS}table-adoption.docx`, bytes)
    await pageToPng(table, 1, `${ARTIFACTS}table-adoption-page1`)
  })
})

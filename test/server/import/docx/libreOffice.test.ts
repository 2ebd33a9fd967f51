import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { readNumbering } from '../../../../server/import/docx/numberingDefinitions.ts'
import { openDocx } from '../../../../server/import/docx/openDocx.ts'
import { readStyleNumbering } from '../../../../server/import/docx/styleNumbering.ts'
import { writeListNumbers } from '../../../../server/import/docx/writeListNumbers.ts'
import { parseXml } from '../../../../server/import/docx/xmlTree.ts'
import { toolsMissing } from '../../../utils/tools.ts'
import { buildDocx, lvl, numPr, para } from '../docxPackage.ts'

const run = promisify(execFile)
const hasSoffice = toolsMissing(['soffice'], 'apt-get install -y libreoffice-writer-nogui', 'LibreOffice numbering check') === undefined

/** The numbers LibreOffice shows in front of each paragraph (its own numbering engine), as "label text" lines. */
async function libreOfficeNumbers(docx: Uint8Array): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-lo-numbers-'))
  writeFileSync(join(dir, 'list.docx'), docx)
  // A private profile: other engineers' soffice runs on this machine must not share one.
  await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'list.docx')], { timeout: 180_000 })
  return readFileSync(join(dir, 'list.txt'), 'utf8')
    .replace(/^\ufeff/, '')
    .split('\n')
    .map((l) => l.trim().replace(/\s+/, ''))
    .filter(Boolean)
}

/** The numbers this importer writes into the same file, as "labeltext" lines. */
async function ourNumbers(docx: Uint8Array): Promise<string[]> {
  const parts = await openDocx(docx)
  const styles = readStyleNumbering(parts.stylesXml ? parseXml(parts.stylesXml).root : undefined)
  const numbering = readNumbering(parts.numberingXml ? parseXml(parts.numberingXml).root : undefined, styles)
  const { xml } = writeListNumbers(parts.documentXml, parseXml(parts.documentXml), numbering, styles)
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
}

describe('Word numbers compared with LibreOffice’s numbering engine', () => {
  // Only what LibreOffice implements as Word does: it ignores w:isLgl and w:lvlRestart="0".
  it.skipIf(!hasSoffice)('gives the same numbers for levels, default restarts, shared lists, startOverride, styles and Chinese formats', async () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="7">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1、')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'ideographTraditional', '%1、')}${lvl(1, 'chineseCountingThousand', '%2）')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', '%1．', '', 11)}</w:abstractNum>`,
      '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>',
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
      '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>',
      '<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>',
    ].join('')
    const styles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:pPr>${numPr(1)}</w:pPr></w:style>`
    const paragraphs: [string, string][] = [
      ['A', numPr(3, 0)],
      ['B', numPr(3, 1)],
      ['C', numPr(3, 2)],
      ['D', numPr(3, 2)],
      ['E', numPr(3, 1)],
      ['F', numPr(3, 2)],
      ['G', numPr(3, 0)],
      ['H', numPr(3, 1)],
      ['I', numPr(3, 2)],
      ['J', numPr(1, 0)],
      ['K', '<w:pStyle w:val="Item"/>'],
      ['L', numPr(2, 0)],
      ['M', numPr(4, 0)],
      ['N', numPr(4, 0)],
      ['O', numPr(1, 0)],
      ['P', numPr(5, 0)],
      ['Q', numPr(5, 1)],
      ['R', numPr(5, 1)],
      ['S', numPr(5, 0)],
      ['T', numPr(5, 1)],
      ['U', numPr(6, 0)],
      ['V', numPr(6, 0)],
      ['W', `<w:pStyle w:val="Item"/>${numPr(0)}`],
    ]
    const docx = await buildDocx({ body: paragraphs.map(([text, pPr]) => para([text], pPr)).join(''), numbering, styles })
    const [theirs, ours] = await Promise.all([libreOfficeNumbers(docx), ourNumbers(docx)])
    expect(ours).toEqual(theirs)
    // And what they are, read off the definitions by hand.
    expect(ours).toEqual([
      '一、A',
      '（一）B',
      '1.C',
      '2.D',
      '（二）E',
      '1.F',
      '二、G',
      '（一）H',
      '1.I',
      '1、J',
      '2、K',
      '3、L',
      '5、M',
      '6、N',
      '7、O',
      '甲、P',
      '一）Q',
      '二）R',
      '乙、S',
      '一）T',
      '11．U',
      '12．V',
      'W',
    ])
  })
})

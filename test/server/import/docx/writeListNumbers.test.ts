import { describe, expect, it } from 'vitest'
import { readNumbering } from '../../../../server/import/docx/numberingDefinitions.ts'
import { readStyleNumbering } from '../../../../server/import/docx/styleNumbering.ts'
import { writeListNumbers } from '../../../../server/import/docx/writeListNumbers.ts'
import { parseXml } from '../../../../server/import/docx/xmlTree.ts'

const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

function rewrite(document: string, numbering: string): { xml: string; numbered: number } {
  const styles = readStyleNumbering(undefined)
  return writeListNumbers(document, parseXml(document), readNumbering(parseXml(numbering).root, styles), styles)
}

describe('writeListNumbers', () => {
  it('writes the number as a plain run after the paragraph properties, with the prefix the file uses', () => {
    const numbering = `<x:numbering xmlns:x="${MAIN}"><x:abstractNum x:abstractNumId="0"><x:lvl x:ilvl="0"><x:start x:val="1"/><x:numFmt x:val="chineseCounting"/><x:lvlText x:val="（%1）"/></x:lvl></x:abstractNum><x:num x:numId="4"><x:abstractNumId x:val="0"/></x:num></x:numbering>`
    const document = `<x:document xmlns:x="${MAIN}"><x:body><x:p><x:pPr><x:numPr><x:ilvl x:val="0"/><x:numId x:val="4"/></x:numPr></x:pPr><x:r><x:t>A&amp;B</x:t></x:r></x:p><x:p><x:pPr><x:numPr><x:numId x:val="4"/></x:numPr></x:pPr><x:r><x:t>第二</x:t></x:r></x:p></x:body></x:document>`
    const { xml, numbered } = rewrite(document, numbering)
    expect(numbered).toBe(2)
    expect(xml).toBe(
      document
        .replace('</x:pPr><x:r><x:t>A', '</x:pPr><x:r><x:t xml:space="preserve">（一）</x:t></x:r><x:r><x:t>A')
        .replace('</x:pPr><x:r><x:t>第二', '</x:pPr><x:r><x:t xml:space="preserve">（二）</x:t></x:r><x:r><x:t>第二'),
    )
  })

  it('counts empty numbered paragraphs as Word does but writes no lone number into them', () => {
    const numbering = `<w:numbering xmlns:w="${MAIN}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
    const p = (text: string): string => `<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>${text ? `<w:r><w:t>${text}</w:t></w:r>` : ''}</w:p>`
    const document = `<w:document xmlns:w="${MAIN}"><w:body>${p('甲')}${p('')}${p('丙')}</w:body></w:document>`
    const { xml, numbered } = rewrite(document, numbering)
    expect(numbered).toBe(2)
    expect(xml).toContain('>1.</w:t></w:r><w:r><w:t>甲')
    expect(xml).toContain('>3.</w:t></w:r><w:r><w:t>丙')
  })

  it('ignores numbering inside a tracked change of the paragraph properties', () => {
    const numbering = `<w:numbering xmlns:w="${MAIN}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
    const document = `<w:document xmlns:w="${MAIN}"><w:body><w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>不再编号</w:t></w:r></w:p></w:body></w:document>`
    expect(rewrite(document, numbering)).toEqual({ xml: document, numbered: 0 })
  })
})

import { describe, expect, it } from 'vitest'
import { ListCounter } from '../../../../server/import/docx/listCounter.ts'
import { readNumbering } from '../../../../server/import/docx/numberingDefinitions.ts'
import { readStyleNumbering } from '../../../../server/import/docx/styleNumbering.ts'
import { parseXml } from '../../../../server/import/docx/xmlTree.ts'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

function counter(numbering: string, styles = ''): ListCounter {
  const styleDefs = readStyleNumbering(parseXml(`<w:styles ${W}>${styles}</w:styles>`).root)
  return new ListCounter(readNumbering(parseXml(`<w:numbering ${W}>${numbering}</w:numbering>`).root, styleDefs))
}

function lvl(ilvl: number, numFmt: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`
}

describe('ListCounter', () => {
  it('resets a deeper level when a higher level is used, by default', () => {
    const c = counter(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    expect([c.next('1', 0), c.next('1', 1), c.next('1', 1), c.next('1', 0), c.next('1', 1)]).toEqual(['一、', '1.', '2.', '二、', '1.'])
  })

  it('keeps counting a level with lvlRestart 0 across higher levels', () => {
    const c = counter(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    )
    expect([c.next('1', 0), c.next('1', 1), c.next('1', 1), c.next('1', 0), c.next('1', 1)]).toEqual(['一、', '1.', '2.', '二、', '3.'])
  })

  it('restarts a third level only after the first level when lvlRestart is 1', () => {
    const c = counter(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.', '<w:lvlRestart w:val="1"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    )
    const seq = [[0], [1], [2], [2], [1], [2], [0], [1], [2]].map(([l]) => c.next('1', l))
    expect(seq).toEqual(['一、', '（一）', '1.', '2.', '（二）', '3.', '二、', '（一）', '1.'])
  })

  it('writes several levels into one number and turns them to decimal with isLgl', () => {
    const c = counter(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    expect([c.next('1', 0), c.next('1', 1), c.next('1', 0), c.next('1', 1)]).toEqual(['一、', '1.1', '二、', '2.1'])
  })

  it('uses the start value, startOverride and a replaced level definition of an override', () => {
    const c = counter(
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl></w:lvlOverride></w:num>`,
    )
    expect([c.next('1', 0), c.next('1', 0), c.next('2', 0), c.next('2', 0), c.next('3', 0), c.next('3', 0)]).toEqual(['3.', '4.', '10.', '11.', '甲、', '乙、'])
  })

  it('follows numStyleLink to the list that defines the levels, sharing its counters', () => {
    const styles = '<w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    const c = counter(
      `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="PlanList"/>${lvl(0, 'decimal', '%1、')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="PlanList"/></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
      styles,
    )
    expect([c.next('1', 0), c.next('2', 0), c.next('1', 0)]).toEqual(['1、', '2、', '3、'])
  })

  it('gives no number for unknown lists, missing levels and bullets', () => {
    const c = counter(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'bullet', '●')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    expect([c.next('1', 0), c.next('1', 4), c.next('99', 0)]).toEqual([undefined, undefined, undefined])
  })
})

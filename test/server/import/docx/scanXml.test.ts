import { describe, expect, it } from 'vitest'
import { PlanError } from '../../../../shared/plan/errors.ts'
import { DEFAULT_IMPORT_LIMITS } from '../../../../server/import/importLimits.ts'
import { scanXml } from '../../../../server/import/docx/scanXml.ts'
import { documentXml } from '../zipBombs.ts'

function refusal(xml: string, main = true): PlanError {
  try {
    scanXml(xml, 'word/document.xml', DEFAULT_IMPORT_LIMITS, main)
  } catch (err) {
    if (err instanceof PlanError) return err
    throw err
  }
  throw new Error('no PlanError thrown')
}

describe('scanXml', () => {
  it('counts elements, depth, paragraphs and text characters of an ordinary part', () => {
    const counts = scanXml(documentXml('<w:p><w:r><w:t xml:space="preserve">一、加强党建</w:t></w:r></w:p><!-- <w:p> --><w:p a=">"/>'), 'd', DEFAULT_IMPORT_LIMITS, true)
    expect(counts).toEqual({ nodes: 6, depth: 5, paragraphs: 2, textChars: 6 })
  })

  it('refuses billion laughs (entity declarations) and any DOCTYPE', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    const err = refusal(documentXml('<w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>', laughs))
    expect(err.code).toBe('docx-entities')
    expect(err.message).toContain('DOCTYPE 或实体声明')
    expect(refusal(documentXml('', '<!doctype x>')).code).toBe('docx-entities')
  })

  it('refuses XML nested deeper than 100 levels (10,000 here) with a 400-kind error', () => {
    const err = refusal(documentXml('<w:sdt>'.repeat(10_000) + '</w:sdt>'.repeat(10_000)))
    expect(err.code).toBe('docx-too-complex')
    expect(err.message).toContain('嵌套层数超过上限（100 层）')
  })

  it('refuses two million empty paragraphs at the 20,001st', () => {
    const err = refusal(documentXml('<w:p/>'.repeat(2_000_000)))
    expect(err.message).toBe('文件中的段落数超过上限（20000 段），无法导入')
  })

  it('holds parts other than the main document to the element limit but not the paragraph limit', () => {
    expect(() => scanXml('<w:styles>' + '<w:p/>'.repeat(30_000) + '</w:styles>', 'word/styles.xml', DEFAULT_IMPORT_LIMITS)).not.toThrow()
    const err = refusal('<w:styles>' + '<w:x/>'.repeat(1_000_001) + '</w:styles>', false)
    expect(err.message).toContain('元素数超过上限（1000000 个）')
  })

  it('refuses more than two million characters of text', () => {
    const err = refusal(documentXml(('<w:p><w:r><w:t>' + '字'.repeat(10_000) + '</w:t></w:r></w:p>').repeat(201)))
    expect(err.message).toBe('文件中的文字超过上限（2000000 字），无法导入')
  })
})

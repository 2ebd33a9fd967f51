import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText, MAX_IMPORT_BYTES } from '../../../shared/import/decode.ts'
import { importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import { PlanError } from '../../../shared/plan/errors.ts'
import { SEED_PATHS } from '../../utils/seeds.ts'
import { encodeGbk } from './gbkEncoder.ts'

const GBK_FIXTURE = new URL('../../fixtures/import/gbk-plan.txt', import.meta.url)

/** The PlanError a call throws (fails the test when it throws something else or nothing). */
function planError(fn: () => unknown): PlanError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError)
    return err as PlanError
  }
  throw new Error('expected a PlanError')
}

describe('decodeText', () => {
  it('reads a GB18030 file made by iconv without being told its encoding', () => {
    const bytes = new Uint8Array(readFileSync(GBK_FIXTURE))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const { text, encoding } = decodeText(bytes)
    expect(encoding).toBe('gb18030')
    const { plan } = importText(text)
    expect(plan.title).toBe('2022年徐汇区教育工作要点')
    expect(plan.sections.map((s) => s.heading)).toEqual(['坚持立德树人，构建全面育人体系', '深化教育改革，提升教育治理水平'])
    expect(itemPlaces(plan).map((p) => p.item.title)).toEqual(['加强思想政治教育。', '促进学生身心健康。', '落实“双减”工作。', '推进依法治教。'])
    expect(plan.closing).toEqual({ issuer: '上海市徐汇区教育局', date: '2022年2月18日' })
  })

  it('reads seed 000 encoded in GBK exactly as its UTF-8 original', () => {
    const utf8 = readFileSync(SEED_PATHS.district, 'utf8')
    const decoded = decodeText(encodeGbk(utf8))
    expect(decoded.encoding).toBe('gb18030')
    expect(decoded.text).toBe(utf8)
  })

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', () => {
    const text = '2025年工作要点\n一、安全\n1.做好安全工作。\n'
    const utf8 = new TextEncoder().encode(text)
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8' })
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8' })
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8
    }
    expect(decodeText(utf16)).toEqual({ text, encoding: 'utf-16le' })
  })

  it('refuses an empty file and a file of blank lines', () => {
    expect(planError(() => decodeText(new Uint8Array(0))).code).toBe('empty-file')
    expect(planError(() => decodeText(new TextEncoder().encode(' \n\r\n\t \n'))).code).toBe('empty-file')
  })

  it('refuses a binary file (a PNG header) with a message naming the problem', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const err = planError(() => decodeText(png))
    expect(err.code).toBe('binary-file')
    expect(err.message).toContain('二进制')
  })

  it('refuses a 50 MB file before decoding it', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61)
    const err = planError(() => decodeText(big))
    expect(err.code).toBe('file-too-large')
    expect(err.message).toContain('50.0 MB')
    expect(err.message).toContain(`${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
  })
})

describe('importText on text without structure', () => {
  it('refuses text with neither sections nor items with a clear PlanError', () => {
    const err = planError(() => importText('这是一段没有结构的文字。它没有标题，也没有编号。\n第二段也没有。'))
    expect(err.code).toBe('no-structure')
    expect(err.message).toMatch(/没有找到可识别的结构/)
  })

  it('refuses text that only mentions numbers inside sentences', () => {
    expect(planError(() => importText('2021年完成率为99.5%，比上年提高2.1个百分点。共建成12所学校。')).code).toBe('no-structure')
  })
})

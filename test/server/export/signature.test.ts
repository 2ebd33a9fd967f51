import { describe, expect, it } from 'vitest'
import { Packer, Document } from 'docx'
import { signatureParagraphs } from '../../../server/export/signature.ts'
import { officialDate } from '../../../server/export/officialDate.ts'
import { exportedParts, paragraphs, prop } from './exportedParts.ts'

async function lines(issuer?: string, date?: string): Promise<[string, string | undefined][]> {
  const doc = new Document({ sections: [{ children: signatureParagraphs(issuer, date) }] })
  const { body } = await exportedParts(new Uint8Array(await Packer.toBuffer(doc)))
  return paragraphs(body).map((p) => [p.text, prop(p, 'w:ind')?.attrs['w:right']])
}

describe('signatureParagraphs', () => {
  it('sets the issuer two characters in and the date starting two characters right of the issuer', async () => {
    // 上海市闵行区教育局 is 9 characters, 2021年9月14日 is 6.5: 2 + 9 − 6.5 − 2 = 2.5 characters (800 twips).
    expect(await lines('上海市闵行区教育局', '2021年9月14日')).toEqual([
      ['上海市闵行区教育局', '640'],
      ['2021年9月14日', '800'],
    ])
  })

  it('keeps a date longer than the issuer two characters in and moves the issuer left', async () => {
    // 教育局 is 3 characters, 2021年12月14日 is 7: the issuer gap is 2 + 7 + 2 − 3 = 8 characters.
    expect(await lines('教育局', '2021年12月14日')).toEqual([
      ['教育局', String(8 * 320)],
      ['2021年12月14日', '640'],
    ])
  })

  it('prints a lone issuer or date two characters in, and nothing for neither', async () => {
    expect(await lines('上海市教育委员会', undefined)).toEqual([['上海市教育委员会', '640']])
    expect(await lines(undefined, '2024-3-5')).toEqual([['2024年3月5日', '640']])
    expect(signatureParagraphs(' ', '')).toEqual([])
  })
})

describe('officialDate', () => {
  it('writes Arabic dates without zero padding', () => {
    expect(officialDate('2024年03月05日')).toBe('2024年3月5日')
    expect(officialDate('2024-03-05')).toBe('2024年3月5日')
    expect(officialDate('2024.3.15')).toBe('2024年3月15日')
  })

  it('leaves dates in Chinese numerals and placeholders as they are', () => {
    expect(officialDate('二〇二四年三月五日')).toBe('二〇二四年三月五日')
    expect(officialDate('××××年×月×日')).toBe('××××年×月×日')
  })
})

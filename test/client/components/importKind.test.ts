import { describe, expect, it } from 'vitest'
import { guessImportKind } from '../../../client/components/importKind.ts'

describe('the import dialog’s kind from the file name', () => {
  const december = new Date(2026, 11, 2)
  const march = new Date(2026, 2, 1)

  it('takes a city’s or province’s plan for a municipal reference, but not a district’s', () => {
    expect(guessImportKind('2024年上海市教育委员会工作要点.docx', december).kind).toBe('reference')
    expect(guessImportKind('市教委2027年工作要点.txt', december).kind).toBe('reference')
    expect(guessImportKind('上海市闵行区教育局2026年工作要点.docx', december).kind).toBe('prior')
  })

  it('takes a plan for a year before the one being drafted for last year’s plan, from September on for next year', () => {
    expect(guessImportKind('2021年下半年闵行教育工作要点.txt', december)).toMatchObject({ kind: 'prior' })
    expect(guessImportKind('2026年闵行教育工作要点.docx', december).kind).toBe('prior')
    expect(guessImportKind('2026年闵行教育工作要点.docx', march).kind).toBe('draft')
    expect(guessImportKind('2027年闵行教育工作要点.docx', december).kind).toBe('draft')
  })

  it('keeps a file named as a draft a draft whatever its year, and a name without a year a draft', () => {
    expect(guessImportKind('2026年工作要点（征求意见稿）.docx', december).kind).toBe('draft')
    expect(guessImportKind('工作要点.txt', december)).toEqual({ kind: 'draft', reason: '文件名中没有年份' })
  })
})

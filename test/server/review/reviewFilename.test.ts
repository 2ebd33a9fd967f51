import { describe, expect, it } from 'vitest'
import { reviewFilename } from '../../../server/review/reviewFilename.ts'

describe('reviewFilename', () => {
  it('names the table after the document', () => {
    expect(reviewFilename('2022年下半年闵行教育工作要点')).toBe('修改对照表-2022年下半年闵行教育工作要点.docx')
  })

  it('replaces characters file systems refuse and ASCII brackets, and falls back when nothing is left', () => {
    expect(reviewFilename('工作要点 (草稿) a/b:c*')).toBe('修改对照表-工作要点 （草稿） a b c.docx')
    expect(reviewFilename(' ... ')).toBe('修改对照表.docx')
    expect(reviewFilename('\u0000\u0007')).toBe('修改对照表.docx')
  })

  it('cuts very long titles at a whole character', () => {
    const name = reviewFilename('很'.repeat(200) + '𠀀')
    expect(Array.from(name.replace(/^修改对照表-|\.docx$/g, '')).length).toBe(80)
  })
})

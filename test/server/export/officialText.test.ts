import { describe, expect, it } from 'vitest'
import { officialText } from '../../../server/export/officialText.ts'

describe('officialText', () => {
  it('turns ASCII punctuation next to Chinese text into full-width forms', () => {
    expect(officialText('各学校(幼儿园),单位:请落实;是否完成?完成!')).toBe('各学校（幼儿园），单位：请落实；是否完成？完成！')
  })

  it('leaves ASCII punctuation between digits and Latin words alone', () => {
    expect(officialText('按照5:3:2开办，工具 Plan Studio (beta) v2.0')).toBe('按照5:3:2开办，工具 Plan Studio (beta) v2.0')
  })

  it('pairs straight double quotes around Chinese text into curly quotes', () => {
    expect(officialText('落实"双减"和"五项管理"')).toBe('落实“双减”和“五项管理”')
    expect(officialText('一个"引号')).toBe('一个"引号')
  })

  it('keeps characters outside the BMP and drops characters XML cannot carry', () => {
    expect(officialText('𠀀字😀\u0001\u000b好')).toBe('𠀀字😀好')
    expect(officialText('断\ud83d开')).toBe('断\ufffd开')
    expect(officialText('一\t二\n三')).toBe('一 二 三')
  })
})

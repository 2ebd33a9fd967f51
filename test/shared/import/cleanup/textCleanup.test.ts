import { describe, expect, it } from 'vitest'
import { removeBoilerplate } from '../../../../shared/import/cleanup/boilerplate.ts'
import { normalisePunctuation } from '../../../../shared/import/cleanup/punctuation.ts'
import { removeStrayLines } from '../../../../shared/import/cleanup/strayLines.ts'
import { removeStraySpaces } from '../../../../shared/import/cleanup/straySpaces.ts'

describe('removeBoilerplate', () => {
  it('removes a document-sharing site line and keeps the document name in it as a title hint', () => {
    const r = removeBoilerplate(['《2024年上海市教育委员会工作要点.docx》由会员分享,可在线阅读,更多相关《2024年上海市教育委员会工作要点.docx(21页珍藏版)》请在优知文库上搜索。', '正文。'])
    expect(r.lines).toEqual(['正文。'])
    expect(r.titleHints).toEqual(['2024年上海市教育委员会工作要点'])
  })

  it('removes government-site metadata lines but not plan text that mentions the same words', () => {
    const r = removeBoilerplate(['公开属性:主动公开', '索引号：123', '发布机构：某区教育局', '完善信息公开属性管理。'])
    expect(r.lines).toEqual(['完善信息公开属性管理。'])
    expect(r.removed).toHaveLength(3)
  })
})

describe('normalisePunctuation', () => {
  it('converts ASCII marks next to Chinese text and counts them', () => {
    expect(normalisePunctuation('各学校(幼儿园)、单位: 现将,请执行.')).toEqual({ text: '各学校（幼儿园）、单位： 现将，请执行。', count: 5 })
  })

  it('leaves ratios, decimals, URLs and English sentences as they are', () => {
    const text = '按照5:3:2开办，增长2.5倍，见 http://a.b/c?d=1.'
    expect(normalisePunctuation(text).text).toBe(text)
    expect(normalisePunctuation('see AI (artificial intelligence), ML.').text).toBe('see AI (artificial intelligence), ML.')
  })
})

describe('removeStraySpaces', () => {
  it('removes spaces between Chinese characters, digits and percent signs', () => {
    expect(removeStraySpaces('确保 50 %以上 幼儿园 开设 托班')).toEqual({ text: '确保50 %以上幼儿园开设托班', count: 4 })
  })

  it('keeps spaces next to Latin words', () => {
    expect(removeStraySpaces('使用 Plan Studio 编写').text).toBe('使用 Plan Studio 编写')
  })
})

describe('removeStrayLines', () => {
  it('removes lines of symbols only and keeps blank lines', () => {
    expect(removeStrayLines(['正文。', '|', '', '——', '第二段。'])).toEqual({ lines: ['正文。', '', '第二段。'], removed: 2 })
  })
})

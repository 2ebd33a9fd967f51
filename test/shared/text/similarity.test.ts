import { describe, expect, it } from 'vitest'
import { bigramProfile, DROP, profileSimilarity, similarityBound, textSimilarity } from '../../../shared/text/similarity.ts'

describe('textSimilarity', () => {
  it('is the Dice coefficient of character bigrams counted with multiplicity', () => {
    // 推进改革 → 推进 进改 改革; 推进发展 → 推进 进发 发展: one of six shared on each side.
    expect(textSimilarity('推进改革', '推进发展')).toBeCloseTo((2 * 1) / 6, 12)
    expect(textSimilarity('好好好', '好好')).toBeCloseTo((2 * 1) / 3, 12)
  })

  it('drops only whitespace by default and what the caller names otherwise', () => {
    expect(textSimilarity('加强 管理', '加强管理')).toBe(1)
    expect(textSimilarity('加强管理。', '加强管理')).toBeLessThan(1)
    expect(textSimilarity('加强管理。', '加强管理', { drop: DROP.nonContent })).toBe(1)
    expect(textSimilarity('“双减”落实', '双减落实', { drop: DROP.clausePunctuation })).toBe(1)
    expect(textSimilarity('a b', 'ab', { drop: DROP.none })).toBeLessThan(1)
  })

  it('counts a character outside the BMP as one character', () => {
    // 𠀃做好 has the bigrams 𠀃做 and 做好, not three pairs of UTF-16 halves.
    expect(bigramProfile('𠀃做好').size).toBe(2)
    expect(textSimilarity('𠀃做好', '𠀃做')).toBeCloseTo((2 * 1) / 3, 12)
  })

  it('compares one-character texts by the character itself', () => {
    expect(bigramProfile('甲').size).toBe(1)
    expect(textSimilarity('甲', '乙')).toBe(0)
    expect(textSimilarity('甲', '甲乙')).toBe(0)
    expect(profileSimilarity(bigramProfile('甲'), bigramProfile('甲'))).toBe(1)
  })

  it('gives two different texts without any bigram the score the caller chooses', () => {
    expect(textSimilarity('，', '。', { drop: DROP.nonContent })).toBe(0)
    expect(textSimilarity('，', '。', { drop: DROP.nonContent, whenEmpty: 1 })).toBe(1)
    expect(textSimilarity('', '')).toBe(1)
  })

  it('never lets the size bound fall below the similarity it bounds', () => {
    const texts = ['完善三级危机干预体系建设。', '健全预警机制，完善危机干预。', '推进', '开展学生体质健康测试', '']
    for (const a of texts)
      for (const b of texts) {
        const [pa, pb] = [bigramProfile(a), bigramProfile(b)]
        expect(similarityBound(pa, pb)).toBeGreaterThanOrEqual(profileSimilarity(pa, pb))
      }
  })
})

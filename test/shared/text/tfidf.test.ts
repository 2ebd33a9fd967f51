import { describe, expect, it } from 'vitest'
import { containment, cosine, coverage, createProfiler, IDF, termWeight } from '../../../shared/text/tfidf.ts'

describe('tf-idf model', () => {
  it('weighs a feature in every document near zero under BM25 and still a little under the smooth idf', () => {
    expect(IDF.bm25(10, 10)).toBeCloseTo(Math.log(1 + 0.5 / 10.5), 12)
    expect(IDF.smooth(10, 10)).toBeCloseTo(Math.log(2), 12)
    expect(IDF.bm25(1, 10)).toBeGreaterThan(IDF.bm25(5, 10))
    expect(termWeight(1, 2)).toBe(2)
    expect(termWeight(Math.E, 1)).toBeCloseTo(2, 12)
  })

  it('scores items on the same rare topic above items that share only common wording', () => {
    const docs = ['推进教育工作，开办托班。', '推进教育工作，建设操场。', '推进教育工作，扩大托班。']
    const profile = createProfiler(docs)
    const [a, b, c] = docs.map(profile)
    expect(cosine(a, a)).toBeCloseTo(1, 12)
    expect(cosine(a, c)).toBeGreaterThan(cosine(a, b))
  })

  it('measures how much of one text another holds, alone and together', () => {
    const profile = createProfiler(['加强队伍建设', '加强队伍', '队伍建设'])
    const whole = profile('加强队伍建设')
    expect(containment(profile('加强队伍'), whole)).toBe(1)
    expect(containment(whole, profile('加强队伍'))).toBeLessThan(1)
    expect(coverage(whole, [profile('加强队伍'), profile('队伍建设')])).toBe(1)
  })
})

import { describe, expect, it } from 'vitest'
import { containment, cosine, cosineMatrix, countTerms, coverage, createProfiler, fitTfidf, IDF, termCounts, termWeight } from '../../../shared/text/tfidf.ts'

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

  it('counts features of any integer, negative ones included, in ascending order', () => {
    expect(countTerms([5, -3, 5, 2 ** 29])).toEqual({ ids: Int32Array.from([-3, 5, 2 ** 29]), counts: Float64Array.from([1, 2, 1]) })
    expect(
      termCounts(
        new Map([
          [7, 3],
          [-1, 1.5],
        ]),
      ),
    ).toEqual({ ids: Int32Array.from([-1, 7]), counts: Float64Array.from([1.5, 3]) })
  })

  it('gives a feature the documents lack the idf of one found in none, and a feature in every document the least', () => {
    const model = fitTfidf([countTerms([1, 2]), countTerms([1, 3])], IDF.bm25)
    expect(model.idf.get(1)).toBeCloseTo(IDF.bm25(2, 2), 12)
    expect(model.idf.get(2)).toBeCloseTo(IDF.bm25(1, 2), 12)
    const v = model.vector(countTerms([1, 9]))
    expect(Array.from(v.idf)).toEqual([IDF.bm25(2, 2), IDF.bm25(0, 2)])
  })

  it('leaves out features whose weight is not positive (a count below one)', () => {
    const model = fitTfidf([countTerms([1]), countTerms([2])], IDF.smooth)
    const v = model.vector(
      termCounts(
        new Map([
          [1, 0.2],
          [2, 1],
        ]),
      ),
    )
    expect(Array.from(v.ids)).toEqual([2])
    expect(v.norm).toBeCloseTo(IDF.smooth(1, 2), 12)
  })

  it('scores every pair in a cosine matrix exactly as one cosine per pair does', () => {
    const docs = ['推进教育工作，开办托班。', '推进教育工作，建设操场。', '扩大托班，建设操场。', '。']
    const profile = createProfiler(docs)
    const vectors = docs.map(profile)
    const matrix = cosineMatrix(vectors.slice(0, 2), vectors)
    for (let r = 0; r < 2; r++) for (let c = 0; c < docs.length; c++) expect(matrix[r * docs.length + c]).toBeCloseTo(cosine(vectors[r], vectors[c]), 12)
    expect(matrix[3]).toBe(0)
  })
})

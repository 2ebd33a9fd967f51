import { describe, expect, it } from 'vitest'
import { formatReviewBase, parseReviewBase, type ReviewBaseParam } from '../../../shared/api/review.ts'

describe('review base parameter', () => {
  it('reads back every base it writes', () => {
    const bases: ReviewBaseParam[] = [{ kind: 'prior' }, { kind: 'version', versionId: 'v1abc' }, { kind: 'visit' }, { kind: 'visit', seq: 42 }]
    for (const base of bases) expect(parseReviewBase(formatReviewBase(base))).toEqual(base)
    expect(formatReviewBase({ kind: 'version', versionId: 'v1abc' })).toBe('version:v1abc')
    expect(formatReviewBase({ kind: 'visit', seq: 42 })).toBe('visit:42')
  })

  it('refuses anything else: missing, unknown words, odd version ids, negative or fractional positions', () => {
    for (const raw of [null, '', 'last-year', 'version:', 'version:V1', 'version:a/b', 'visit:-1', 'visit:1.5', 'visit:', 'prior ']) {
      expect(parseReviewBase(raw)).toBeNull()
    }
  })
})

import { describe, expect, it } from 'vitest'
import type { ReviewBasesResponse } from '../../../shared/api/review.ts'
import { baseOptions, defaultBase, requestBase } from '../../../client/review/baseOptions.ts'
import { formatReviewQuery, parseReviewQuery } from '../../../client/review/reviewQuery.ts'

const version = (id: string, name: string, createdAt: string) => ({ id, docId: 'd1', name, createdAt, createdBy: { id: 'u1', name: '赵敏' } })
const visit = { seq: 12, at: '2026-03-02T01:30:00.000Z' }

describe('baseOptions', () => {
  it('offers the prior plan by title, versions newest first and the last visit', () => {
    const bases: ReviewBasesResponse = {
      prior: { id: 'd0', readable: true, title: '2021年下半年闵行教育工作要点' },
      versions: [version('v1', '征求意见稿', '2026-03-01T02:00:00.000Z'), version('v2', '送审稿', '2026-03-05T02:00:00.000Z')],
    }
    const options = baseOptions(bases, visit)
    expect(options.map((o) => [o.value, o.disabled])).toEqual([
      ['prior', false],
      ['version:v2', false],
      ['version:v1', false],
      ['visit', false],
    ])
    expect(options[0].label).toBe('上年计划《2021年下半年闵行教育工作要点》')
    expect(options[1].label).toMatch(/^版本“送审稿”（2026年3月5日 \d\d:\d\d，赵敏）$/)
    expect(options[3].label).toMatch(/^自上次访问以来（2026年3月2日 \d\d:\d\d）$/)
    expect(defaultBase(options)).toBe('prior')
  })

  it('greys out a prior plan that is missing or not readable, and a visit that was never recorded, saying why', () => {
    const none = baseOptions({ versions: [] }, null)
    expect(none.map((o) => [o.label, o.disabled])).toEqual([
      ['上年计划（未关联）', true],
      ['自上次访问以来（暂无访问记录）', true],
    ])
    expect(defaultBase(none)).toBe('prior')
    const hidden = baseOptions({ prior: { id: 'd0', readable: false }, versions: [version('v1', '定稿', '2026-03-01T02:00:00.000Z')] }, null)
    expect(hidden[0]).toMatchObject({ label: '上年计划（您没有查看权限）', disabled: true })
    // Without the prior plan and a visit, the newest version is shown first.
    expect(defaultBase(hidden)).toBe('version:v1')
    expect(defaultBase(baseOptions({ versions: [version('v1', '定稿', '2026-03-01T02:00:00.000Z')] }, visit))).toBe('visit')
  })
})

describe('requestBase', () => {
  it('pins "since my last visit" to the remembered visit and reads versions and the prior plan', () => {
    expect(requestBase('visit', visit)).toEqual({ kind: 'visit', seq: 12 })
    expect(requestBase('visit', null)).toEqual({ kind: 'visit' })
    expect(requestBase('prior', null)).toEqual({ kind: 'prior' })
    expect(requestBase('version:v2', null)).toEqual({ kind: 'version', versionId: 'v2' })
    expect(requestBase('version:../x', null)).toBeNull()
  })
})

describe('review page query', () => {
  it('keeps the base, the view and 只看修改 in the address, leaving defaults out', () => {
    expect(formatReviewQuery({ view: 'inline', only: false })).toBe('')
    const q = { base: 'version:v2', view: 'side' as const, only: true }
    expect(formatReviewQuery(q)).toBe('?base=version:v2&view=side&only=1')
    expect(parseReviewQuery(formatReviewQuery(q))).toEqual(q)
  })

  it('ignores values it does not know', () => {
    expect(parseReviewQuery('?base=everything&view=wide&only=yes')).toEqual({ view: 'inline', only: false })
  })
})

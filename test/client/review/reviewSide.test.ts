import { describe, expect, it } from 'vitest'
import type { ReviewSuggestion } from '../../../shared/api/review.ts'
import type { CommentThread } from '../../../shared/review/commentsTypes.ts'
import { departmentsOf, DEFAULT_SIDE_FILTER, peopleOf, suggestionVisible } from '../../../client/review/reviewSide.ts'

const suggestion = (id: string, status: ReviewSuggestion['status'], author: ReviewSuggestion['author']): ReviewSuggestion => ({
  id,
  status,
  author,
  itemIds: ['i1'],
  parts: [{ kind: 'insertion', text: '补充' }],
})

const LIST: ReviewSuggestion[] = [
  suggestion('g1', 'open', { id: 'u1', name: '李娜', department: '基础教育科' }),
  suggestion('g2', 'accepted', { id: 'u1', name: '李娜', department: '基础教育科' }),
  suggestion('g3', 'rejected', { id: 'u2', name: '赵敏', department: '办公室' }),
  suggestion('g4', 'open', undefined),
]

const thread = {
  id: 'c1',
  author: { id: 'u3', name: '王强', department: '办公室' },
  createdAt: '2026-12-02T00:00:00.000Z',
  text: '意见',
  mentions: [],
  itemId: 'i1',
  quote: '',
  resolved: false,
  replies: [],
  orphan: false,
} as CommentThread

const shown = (f: Partial<typeof DEFAULT_SIDE_FILTER>): string[] => LIST.filter((s) => suggestionVisible(s, { ...DEFAULT_SIDE_FILTER, ...f })).map((s) => s.id)

describe('the review page’s one filter bar for 修订', () => {
  it('shows open 修订 first, and filters by status, person and 科室 together', () => {
    expect(shown({})).toEqual(['g1', 'g4'])
    expect(shown({ suggestionStatus: 'all' })).toEqual(['g1', 'g2', 'g3', 'g4'])
    expect(shown({ suggestionStatus: 'all', department: '基础教育科' })).toEqual(['g1', 'g2'])
    expect(shown({ suggestionStatus: 'rejected', person: 'u2' })).toEqual(['g3'])
    expect(shown({ suggestionStatus: 'accepted', department: '办公室' })).toEqual([])
  })

  it('offers every person and 科室 of the 批注 and the 修订, each once', () => {
    expect(peopleOf([thread], LIST)).toEqual([
      ['u3', '王强'],
      ['u1', '李娜'],
      ['u2', '赵敏'],
    ])
    expect(departmentsOf([thread], LIST)).toEqual(['办公室', '基础教育科'])
  })
})

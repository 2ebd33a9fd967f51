import { describe, expect, it } from 'vitest'
import { stampTime } from '../../../../client/components/suggestions/authorColor.ts'
import { commentTime } from '../../../../client/components/comments/useCommentThreads.ts'

describe('stampTime', () => {
  it('shows a suggestion time in Beijing time, the same way 批注 show theirs, whatever the browser zone', () => {
    expect(stampTime('2026-12-02T09:50:00Z')).toBe(commentTime('2026-12-02T09:50:00Z'))
    expect(stampTime('2026-12-02T09:50:00Z')).toMatch(/17:50/)
    expect(stampTime(undefined)).toBe('')
  })
})

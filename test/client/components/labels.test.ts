import { describe, expect, it } from 'vitest'
import { formatTime } from '../../../client/components/labels.ts'

describe('formatTime', () => {
  const now = new Date('2026-12-02T11:08:00Z') // 19:08 in Beijing

  it('says 今天 with the Beijing hour for an instant earlier the same Beijing day, whatever the machine’s time zone', () => {
    expect(formatTime('2026-12-02T11:08:00Z', now)).toBe('今天 19:08')
    expect(formatTime('2026-12-01T16:30:00Z', now)).toBe('今天 00:30')
  })

  it('says 昨天 for the Beijing day before, and the full date before that', () => {
    expect(formatTime('2026-12-01T15:59:00Z', now)).toBe('昨天 23:59')
    expect(formatTime('2026-11-22T02:05:00Z', now)).toBe('2026年11月22日 10:05')
  })

  it('gives nothing for a time it cannot read', () => {
    expect(formatTime('not a time', now)).toBe('')
  })
})

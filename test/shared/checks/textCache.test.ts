import { describe, expect, it } from 'vitest'
import { clearCheckCaches } from '../../../shared/checks/runChecks.ts'
import { TextCache } from '../../../shared/checks/textCache.ts'

describe('TextCache', () => {
  it('makes a value once per text and remembers it', () => {
    const cache = new TextCache<number>(10)
    let made = 0
    const make = (t: string): number => (made++, t.length)
    expect([cache.get('甲乙', make), cache.get('甲乙', make), cache.get('丙', make)]).toEqual([2, 2, 1])
    expect(made).toBe(2)
  })

  it('stays within its bound by starting over when full', () => {
    const cache = new TextCache<string>(3)
    for (const t of ['a', 'b', 'c', 'd', 'e']) cache.get(t, (x) => x)
    expect(cache.size).toBeLessThanOrEqual(3)
  })

  it('is emptied, with every other check cache, by clearCheckCaches', () => {
    const one = new TextCache<string>(10)
    const two = new TextCache<string>(10)
    one.get('甲', (x) => x)
    two.get('乙', (x) => x)
    clearCheckCaches()
    expect([one.size, two.size]).toEqual([0, 0])
  })
})

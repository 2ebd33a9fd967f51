import { describe, expect, it } from 'vitest'
import { longestIncreasing } from '../../../shared/diff/longestIncreasing.ts'

describe('longestIncreasing', () => {
  it('keeps everything of an increasing sequence', () => {
    expect([...longestIncreasing([0, 2, 5, 9])].sort()).toEqual([0, 1, 2, 3])
  })

  it('leaves out the one element taken out of order', () => {
    // New positions of old items 0..4 when old item 4 moved to the top.
    expect([...longestIncreasing([1, 2, 3, 4, 0])].sort()).toEqual([0, 1, 2, 3])
  })

  it('returns an empty set for an empty sequence', () => {
    expect(longestIncreasing([]).size).toBe(0)
  })

  it('finds a longest run in a shuffled sequence', () => {
    const values = [3, 1, 4, 1.5, 5, 9, 2, 6]
    // By hand: 3,4,5,9 / 1,1.5,5,6 / 1,1.5,2,6 … are all of length 4; none of length 5 exists.
    const keep = [...longestIncreasing(values)].sort((a, b) => a - b)
    expect(keep.length).toBe(4)
    for (let i = 1; i < keep.length; i++) expect(values[keep[i]]).toBeGreaterThan(values[keep[i - 1]])
  })
})

import { describe, expect, it } from 'vitest'
import { maxWeightAssignment } from '../../../shared/diff/assignment.ts'

/** The best total weight over every one-to-one assignment, by brute force (small matrices only). */
function bruteForce(w: number[][]): number {
  const cols = w[0]?.length ?? 0
  const best = (r: number, used: Set<number>): number => {
    if (r === w.length) return 0
    let top = best(r + 1, used) // row r left unassigned
    for (let c = 0; c < cols; c++) {
      if (used.has(c) || w[r][c] <= 0) continue
      used.add(c)
      top = Math.max(top, w[r][c] + best(r + 1, used))
      used.delete(c)
    }
    return top
  }
  return best(0, new Set())
}

function total(w: number[][], a: number[]): number {
  return a.reduce((s, c, r) => s + (c >= 0 ? w[r][c] : 0), 0)
}

describe('maxWeightAssignment', () => {
  it('beats the greedy choice when the greedy choice blocks a better pair', () => {
    // Greedy takes 0.9 (row 0 → col 0) and leaves row 1 with 0.1; the optimum is 0.8 + 0.8.
    const w = [
      [0.9, 0.8],
      [0.8, 0.1],
    ]
    expect(maxWeightAssignment(w)).toEqual([1, 0])
  })

  it('leaves rows unassigned rather than pairing them at weight 0', () => {
    expect(
      maxWeightAssignment([
        [0.5, 0],
        [0, 0],
      ]),
    ).toEqual([0, -1])
  })

  it('handles more rows than columns and more columns than rows', () => {
    expect(maxWeightAssignment([[0.2], [0.7], [0.4]])).toEqual([-1, 0, -1])
    expect(maxWeightAssignment([[0.2, 0.7, 0.4]])).toEqual([1])
    expect(maxWeightAssignment([])).toEqual([])
  })

  it('finds the optimum on random matrices', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let k = 0; k < 40; k++) {
      const rows = 1 + Math.floor(rand() * 6)
      const cols = 1 + Math.floor(rand() * 6)
      const w = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rand() < 0.3 ? 0 : Math.round(rand() * 100) / 100)))
      const a = maxWeightAssignment(w)
      expect(new Set(a.filter((c) => c >= 0)).size).toBe(a.filter((c) => c >= 0).length)
      expect(total(w, a)).toBeCloseTo(bruteForce(w), 9)
    }
  })
})

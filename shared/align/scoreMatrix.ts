import type { IndexedItem } from './indexPlans.ts'

/**
 * Cosine similarity of every row item against every column item, through an inverted index of the
 * columns so that only shared features are visited. Returns rows × columns, row-major.
 */
export function scoreMatrix(rows: IndexedItem[], columns: IndexedItem[]): Float64Array {
  const postings = new Map<number, { col: number; w: number }[]>()
  columns.forEach((item, col) => {
    const { keys, weights } = item.vector
    for (let i = 0; i < keys.length; i++) {
      const list = postings.get(keys[i])
      if (list) list.push({ col, w: weights[i] })
      else postings.set(keys[i], [{ col, w: weights[i] }])
    }
  })
  const out = new Float64Array(rows.length * columns.length)
  rows.forEach((item, r) => {
    const base = r * columns.length
    const { keys, weights } = item.vector
    for (let i = 0; i < keys.length; i++) {
      const list = postings.get(keys[i])
      if (!list) continue
      for (const p of list) out[base + p.col] += weights[i] * p.w
    }
  })
  return out
}

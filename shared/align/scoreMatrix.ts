import type { IndexedItem } from './indexPlans.ts'

/**
 * Cosine similarity of every row item against every column item, through an inverted index of the
 * columns so that only shared features are visited. Returns rows × columns, row-major.
 */
export function scoreMatrix(rows: IndexedItem[], columns: IndexedItem[]): Float64Array {
  const postings = new Map<number, { col: number; w: number }[]>()
  columns.forEach((item, col) => {
    for (const [key, w] of item.vector) {
      const list = postings.get(key)
      if (list) list.push({ col, w })
      else postings.set(key, [{ col, w }])
    }
  })
  const out = new Float64Array(rows.length * columns.length)
  rows.forEach((item, r) => {
    const base = r * columns.length
    for (const [key, w] of item.vector) {
      const list = postings.get(key)
      if (!list) continue
      for (const p of list) out[base + p.col] += w * p.w
    }
  })
  return out
}

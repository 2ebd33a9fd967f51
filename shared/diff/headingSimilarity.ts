import { bigramsOf } from './textProfile.ts'

/** Dice coefficient of the character bigrams of two headings, 0..1 (1 when equal). */
export function headingSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const ga = bigramsOf(a)
  const gb = bigramsOf(b)
  if (!ga.length || !gb.length) return 0
  const counts = new Map<string, number>()
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1)
  let common = 0
  for (const g of gb) {
    const n = counts.get(g) ?? 0
    if (n > 0) {
      common++
      counts.set(g, n - 1)
    }
  }
  return (2 * common) / (ga.length + gb.length)
}

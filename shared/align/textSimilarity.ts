/** Dice similarity of the character bigrams of two texts, 0–1: how much of the wording is the same. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>()
    const t = s.replace(/\s+/g, '')
    for (let i = 0; i + 2 <= t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1)
    return m
  }
  const ga = grams(a)
  const gb = grams(b)
  let shared = 0
  let total = 0
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0)
    total += n
  }
  for (const n of gb.values()) total += n
  return total === 0 ? 1 : (2 * shared) / total
}

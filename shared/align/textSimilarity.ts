/** The character bigrams of a text (whitespace removed) as counts keyed by the pair's two UTF-16 codes. */
export interface BigramProfile {
  grams: Map<number, number>
  /** Number of bigrams counted (the sum of the counts). */
  size: number
}

/** A text's bigram profile, to compare one text with many without counting it again each time. */
export function bigramProfile(text: string): BigramProfile {
  const grams = new Map<number, number>()
  const t = text.replace(/\s+/g, '')
  for (let i = 0; i + 2 <= t.length; i++) {
    const g = t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1)
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return { grams, size: Math.max(0, t.length - 1) }
}

/** Dice similarity of two bigram profiles, 0–1 (1 for two texts without bigrams). */
export function profileSimilarity(a: BigramProfile, b: BigramProfile): number {
  const total = a.size + b.size
  if (total === 0) return 1
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams]
  let shared = 0
  for (const [g, n] of small) {
    const m = large.get(g)
    if (m !== undefined) shared += Math.min(n, m)
  }
  return (2 * shared) / total
}

/** The most a Dice similarity of two profiles can be, from their sizes alone: skips hopeless comparisons. */
export function similarityBound(a: BigramProfile, b: BigramProfile): number {
  const total = a.size + b.size
  return total === 0 ? 1 : (2 * Math.min(a.size, b.size)) / total
}

/** Dice similarity of the character bigrams of two texts, 0–1: how much of the wording is the same. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1
  return profileSimilarity(bigramProfile(a), bigramProfile(b))
}

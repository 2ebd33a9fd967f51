/**
 * The one Dice-over-character-bigrams similarity of the codebase: alignment's link check, the diff's
 * heading match, the near-duplicate and lower-target checks and the targets' subject match all use
 * it, each choosing only which characters to drop first and what two texts without bigrams score.
 */

/** A text's character bigrams as counts, keyed by number (cheaper to hash than two-character strings). */
export interface BigramProfile {
  grams: Map<number, number>
  /** Number of bigrams counted (the sum of the counts). */
  size: number
}

/** Which characters a comparison ignores. */
export const DROP = {
  /** Whitespace only: wording and punctuation count. */
  space: /\s+/g,
  /** Whitespace and the punctuation that separates clauses, quotes and book titles. */
  clausePunctuation: /[\s，。；、：“”《》（）]/g,
  /** Everything but letters and digits (headings: 、 or a closing 。 must not make two headings differ). */
  nonContent: /[^\p{L}\p{N}]+/gu,
  /** Nothing. */
  none: /(?!)/g,
} as const

/** Past every code point, so that a pair's key (first · CODE_SPACE + second) is unique. */
const CODE_SPACE = 0x110000

/**
 * A text's bigram profile after removing `drop`. Bigrams are of code points (a character outside
 * the BMP, such as 𠀃, is one character); a text of one character counts that character once, so
 * that 甲 and 乙 differ and 甲 and 甲 agree.
 */
export function bigramProfile(text: string, drop: RegExp = DROP.space): BigramProfile {
  const grams = new Map<number, number>()
  const t = text.replace(drop, '')
  let prev = -1
  let size = 0
  for (let i = 0; i < t.length; i++) {
    const c = t.codePointAt(i) ?? 0
    if (c > 0xffff) i++
    if (prev >= 0) {
      const g = prev * CODE_SPACE + c
      grams.set(g, (grams.get(g) ?? 0) + 1)
      size++
    }
    prev = c
  }
  // A single character: its unigram, keyed below every pair's key.
  if (size === 0 && prev >= 0) {
    grams.set(-1 - prev, 1)
    size = 1
  }
  return { grams, size }
}

/** The number of bigrams two profiles share (counted with multiplicity). */
export function sharedBigrams(a: BigramProfile, b: BigramProfile): number {
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams]
  let shared = 0
  for (const [g, n] of small) {
    const m = large.get(g)
    if (m !== undefined) shared += Math.min(n, m)
  }
  return shared
}

/** The Dice coefficient from a shared count and the two sizes; `whenEmpty` when neither has a bigram. */
export function dice(shared: number, sizeA: number, sizeB: number, whenEmpty = 0): number {
  const total = sizeA + sizeB
  return total === 0 ? whenEmpty : (2 * shared) / total
}

/** Dice similarity of two bigram profiles, 0–1; `whenEmpty` when neither has a bigram. */
export function profileSimilarity(a: BigramProfile, b: BigramProfile, whenEmpty = 0): number {
  return dice(sharedBigrams(a, b), a.size, b.size, whenEmpty)
}

/** The most a Dice similarity of two profiles can be, from their sizes alone: skips hopeless comparisons. */
export function similarityBound(a: BigramProfile, b: BigramProfile, whenEmpty = 0): number {
  return dice(Math.min(a.size, b.size), a.size, b.size, whenEmpty)
}

/** Options of textSimilarity. */
export interface SimilarityOptions {
  /** Characters removed before counting. @default DROP.space */
  drop?: RegExp
  /** The score of two different texts that have no bigrams left (e.g. only punctuation). @default 0 */
  whenEmpty?: number
}

/** Dice similarity of the character bigrams of two texts, 0–1 (1 when equal): how much of the wording is the same. */
export function textSimilarity(a: string, b: string, options: SimilarityOptions = {}): number {
  if (a === b) return 1
  return profileSimilarity(bigramProfile(a, options.drop), bigramProfile(b, options.drop), options.whenEmpty)
}

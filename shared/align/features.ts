import { fnv1a } from '../text/hash.ts'
import { conceptHits, type ConceptHit } from './concepts.ts'
import { contentRuns } from './contentRuns.ts'
import { quotedTerms } from './quotedTerms.ts'

/**
 * Features are small integers, not strings: V8 hashes small integers (Smis) far faster than short
 * strings or large numbers, which is what keeps a 60 × 60 alignment within its budget.
 * - bigram: the exact pair of compact Han codes, c1·2¹⁵ + c2, in [0, 2³⁰);
 * - trigram: a 29-bit hash, negated, in [-2²⁹, -1];
 * - marked term (concept, “quoted” term, 《title》): a hash below -2²⁹.
 * With a few thousand distinct trigrams per alignment, the chance that two of them share a hash is
 * about 1 in 25; a collision only merges two rare features.
 */
export type FeatureKey = number

const TRIGRAM_SPACE = 2 ** 29
const MARKED_SPACE = 2 ** 30 - TRIGRAM_SPACE - 1

/** A Han character's code in 15 bits (content runs hold Han characters only). */
function compact(code: number): number {
  return code >= 0xf900 ? 0x6c00 + (code - 0xf900) : code - 0x3400
}

/** The key of the n-gram (n = 2 or 3) of Han text `s` starting at `i`. */
export function gramKey(s: string, i: number, n: number): FeatureKey {
  const a = compact(s.charCodeAt(i))
  const b = compact(s.charCodeAt(i + 1))
  if (n === 2) return a * 32768 + b
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(compact(s.charCodeAt(i + 2)) + 0x2545f491, 0xc2b2ae3d)
  h ^= h >>> 15
  return -1 - ((h >>> 0) % TRIGRAM_SPACE)
}

/** The key of a marked term such as “双减” or 《…》 (FNV-1a hash). */
export function markedKey(term: string): FeatureKey {
  return -1 - TRIGRAM_SPACE - (fnv1a(term) % MARKED_SPACE)
}

/** Key under which a synonym concept is counted; the ~ keeps it apart from a quoted term of the same characters. */
export function conceptKey(concept: string): FeatureKey {
  return markedKey(`~${concept}`)
}

/** How a text's features are counted. */
export interface FeatureOptions {
  /** N-gram sizes taken from content runs. @default [2, 3] */
  ngrams: readonly number[]
  /** Extra count given to concepts and quoted terms, which are worth more than a bare n-gram. @default 1.5 */
  markedWeight: number
}

/** Default feature options. */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { ngrams: [2, 3], markedWeight: 1.5 }

/** What a text is made of, for scoring and explaining matches. */
export interface TextFeatures {
  /** Feature → weighted count (n-grams, concepts, “quoted” and 《titled》 terms). */
  counts: Map<FeatureKey, number>
  /** Content bigrams, to grow shared phrases when explaining a match. */
  bigrams: Set<FeatureKey>
  concepts: Map<string, ConceptHit>
  quoted: Set<string>
  /** The content runs (stop words cut out), in order. */
  runs: string[]
}

/** An empty feature set to add texts into. */
export function emptyFeatures(): TextFeatures {
  return { counts: new Map(), bigrams: new Set(), concepts: new Map(), quoted: new Set(), runs: [] }
}

/** Adds a text's features to `into`, each occurrence counting `weight` (titles count more than bodies). */
export function addTextFeatures(into: TextFeatures, text: string, weight = 1, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): TextFeatures {
  const counts = into.counts
  const add = (key: FeatureKey, w: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + w)
  }
  for (const run of contentRuns(text)) {
    const s = run.text
    into.runs.push(s)
    for (let i = 0; i + 2 <= s.length; i++) into.bigrams.add(gramKey(s, i, 2))
    for (const n of options.ngrams) for (let i = 0; i + n <= s.length; i++) add(gramKey(s, i, n), weight)
  }
  for (const hit of conceptHits(text).values()) {
    add(conceptKey(hit.concept), hit.count * weight * options.markedWeight)
    const seen = into.concepts.get(hit.concept)
    if (!seen) into.concepts.set(hit.concept, { ...hit, variants: [...hit.variants] })
    else {
      seen.count += hit.count
      for (const v of hit.variants) if (!seen.variants.includes(v)) seen.variants.push(v)
    }
  }
  for (const q of quotedTerms(text)) {
    add(markedKey(q), weight * options.markedWeight)
    into.quoted.add(q)
  }
  return into
}

/** The features of an item: its lead sentence counts `titleWeight` times, its body once. */
export function itemFeatures(title: string, body: string, titleWeight: number, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): TextFeatures {
  const f = emptyFeatures()
  addTextFeatures(f, title, titleWeight, options)
  addTextFeatures(f, body, 1, options)
  return f
}

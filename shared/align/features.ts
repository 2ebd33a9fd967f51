import { conceptHits, type ConceptHit } from './concepts.ts'
import { contentRuns } from './contentRuns.ts'
import { quotedTerms } from './quotedTerms.ts'

/** Key under which a synonym concept is counted; the ~ keeps it apart from n-grams of the same characters. */
export function conceptKey(concept: string): string {
  return `~${concept}`
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
  /** Feature → weighted count (n-grams, ~concepts, “quoted” and 《titled》 terms). */
  counts: Map<string, number>
  /** Content bigrams, to grow shared phrases when explaining a match. */
  bigrams: Set<string>
  concepts: Map<string, ConceptHit>
  quoted: Set<string>
}

/** An empty feature set to add texts into. */
export function emptyFeatures(): TextFeatures {
  return { counts: new Map(), bigrams: new Set(), concepts: new Map(), quoted: new Set() }
}

/** Adds a text's features to `into`, each occurrence counting `weight` (titles count more than bodies). */
export function addTextFeatures(into: TextFeatures, text: string, weight = 1, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): TextFeatures {
  const add = (key: string, w: number): void => {
    into.counts.set(key, (into.counts.get(key) ?? 0) + w)
  }
  for (const run of contentRuns(text)) {
    const s = run.text
    for (let i = 0; i + 2 <= s.length; i++) into.bigrams.add(s.slice(i, i + 2))
    for (const n of options.ngrams) for (let i = 0; i + n <= s.length; i++) add(s.slice(i, i + n), weight)
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
    add(q, weight * options.markedWeight)
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

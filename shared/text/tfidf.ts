import { DROP } from './similarity.ts'

/*
 * The one tf-idf model: how rare a feature is (two idf formulas, chosen per use), how a count is
 * weighted, and the bigram profiles the diff compares items with. Alignment builds its vectors from
 * its own features (shared/align/features.ts) with the same idf and weighting.
 */

/** How rare a feature found in `df` of `n` documents is. */
export const IDF = {
  /** log(1 + n/df): never zero, so a bigram every item shares still counts a little (the diff). */
  smooth: (df: number, n: number): number => Math.log(1 + n / Math.max(1, df)),
  /** BM25's idf: always positive, near zero for a feature found in nearly every item (alignment). */
  bm25: (df: number, n: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5)),
} as const

/** Sublinear tf times idf: the tenth repetition of a bigram adds far less than the second. */
export function termWeight(tf: number, idf: number): number {
  return (1 + Math.log(tf)) * idf
}

/** A text as a sparse vector of character bigrams weighted by tf-idf; ids sorted ascending. */
export interface Profile {
  ids: Int32Array
  /** tf-idf weight per bigram, for cosine similarity. */
  weights: Float64Array
  /** idf per bigram (presence only), for containment. */
  idf: Float64Array
  norm: number
  idfSum: number
}

/** Small numbers for characters, so that a bigram key stays a small integer (fast to hash). */
const charIndex = new Map<number, number>()

/** The character indexes of a text's letters and digits (punctuation and spaces carry no meaning here). */
function contentChars(text: string): number[] {
  const out: number[] = []
  for (const ch of text.replace(DROP.nonContent, '')) {
    const cp = ch.codePointAt(0) ?? 0
    let i = charIndex.get(cp)
    if (i === undefined) {
      i = charIndex.size
      charIndex.set(cp, i)
    }
    out.push(i)
  }
  return out
}

/** Bigrams as numbers (two character indexes), which hash much faster than two-character strings. */
function bigramKeys(text: string): number[] {
  const cs = contentChars(text)
  if (cs.length === 1) return [cs[0] * CHAR_SPACE]
  const out = new Array<number>(Math.max(0, cs.length - 1))
  for (let i = 0; i + 1 < cs.length; i++) out[i] = cs[i] * CHAR_SPACE + cs[i + 1] + 1
  return out
}

/** Keys stay below 2^30 (small integers) while fewer than this many distinct characters have been seen. */
const CHAR_SPACE = 32768

/** A text's distinct bigram ids, ascending, with how often each occurs. */
interface Counted {
  ids: Int32Array
  counts: Int32Array
}

/**
 * Builds profiles in one vocabulary whose idf comes from `documents` (the items of both plans):
 * bigrams every item shares (教育, 推进) weigh little, rare ones (托班, 特教) a lot, which is what
 * separates two items on the same topic from two items that only share the domain's vocabulary.
 */
export function createProfiler(documents: string[]): (text: string) => Profile {
  const vocab = new Map<number, number>()
  const df: number[] = []
  const count = (text: string): Counted => {
    const keys = bigramKeys(text)
    const all = new Int32Array(keys.length)
    for (let i = 0; i < keys.length; i++) {
      let id = vocab.get(keys[i])
      if (id === undefined) {
        id = vocab.size
        vocab.set(keys[i], id)
        df.push(0)
      }
      all[i] = id
    }
    all.sort()
    // Run-length over the sorted ids gives distinct ids and their counts without a Map per text.
    const ids: number[] = []
    const counts: number[] = []
    for (let i = 0; i < all.length; i++) {
      if (i && all[i] === all[i - 1]) counts[counts.length - 1]++
      else {
        ids.push(all[i])
        counts.push(1)
      }
    }
    return { ids: Int32Array.from(ids), counts: Int32Array.from(counts) }
  }
  const known = new Map<string, Counted>()
  for (const doc of documents) {
    if (known.has(doc)) {
      for (const id of (known.get(doc) as Counted).ids) df[id]++
      continue
    }
    const c = count(doc)
    known.set(doc, c)
    for (const id of c.ids) df[id]++
  }
  const n = Math.max(1, documents.length)
  return (text: string): Profile => {
    const { ids, counts } = known.get(text) ?? count(text)
    const weights = new Float64Array(ids.length)
    const idf = new Float64Array(ids.length)
    let norm = 0
    let idfSum = 0
    for (let k = 0; k < ids.length; k++) {
      // A bigram unknown to the documents counts as seen once: rare, but finite.
      idf[k] = IDF.smooth(df[ids[k]], n)
      weights[k] = termWeight(counts[k], idf[k])
      norm += weights[k] * weights[k]
      idfSum += idf[k]
    }
    return { ids, weights, idf, norm: Math.sqrt(norm), idfSum }
  }
}

/** Cosine similarity of two profiles, 0..1; 0 when either is empty. */
export function cosine(a: Profile, b: Profile): number {
  if (!a.norm || !b.norm) return 0
  let dot = 0
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    const x = a.ids[i]
    const y = b.ids[j]
    if (x === y) dot += a.weights[i++] * b.weights[j++]
    else if (x < y) i++
    else j++
  }
  return dot / (a.norm * b.norm)
}

/** How much of `a` (idf-weighted bigrams) also occurs in `b`, 0..1: high when a's text was put into b. */
export function containment(a: Profile, b: Profile): number {
  if (!a.idfSum) return 0
  let shared = 0
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    const x = a.ids[i]
    const y = b.ids[j]
    if (x === y) {
      shared += a.idf[i++]
      j++
    } else if (x < y) i++
    else j++
  }
  return shared / a.idfSum
}

/** How much of `a` (idf-weighted bigrams) occurs in at least one of `others`, 0..1. */
export function coverage(a: Profile, others: Profile[]): number {
  if (!a.idfSum) return 0
  const present = new Set<number>()
  for (const o of others) for (const id of o.ids) present.add(id)
  let shared = 0
  a.ids.forEach((id, k) => {
    if (present.has(id)) shared += a.idf[k]
  })
  return shared / a.idfSum
}

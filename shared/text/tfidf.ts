import { DROP } from './similarity.ts'

/*
 * The one tf-idf model of the codebase: how rare a feature is (two idf formulas, chosen per use), how
 * a count is weighted, sparse vectors and their cosine. The diff builds its item profiles here from
 * character bigrams (createProfiler); alignment builds its item vectors here from its own features
 * (n-grams, concepts, quoted terms: shared/align/features.ts). Features are integers either way.
 */

/** How rare a feature found in `df` of `n` documents is. */
export const IDF = {
  /** log(1 + n/df): never zero, so a bigram every item shares still counts a little (the diff). */
  smooth: (df: number, n: number): number => Math.log(1 + n / Math.max(1, df)),
  /** BM25's idf: always positive, near zero for a feature found in nearly every item (alignment). */
  bm25: (df: number, n: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5)),
} as const

/** An idf formula: the weight of a feature found in `df` of `n` documents. */
export type IdfFormula = (df: number, n: number) => number

/** Sublinear tf times idf: the tenth repetition of a bigram adds far less than the second. */
export function termWeight(tf: number, idf: number): number {
  return (1 + Math.log(tf)) * idf
}

/**
 * A document's distinct features, ascending, with how often (or how much, when weighted) each occurs.
 * Features are 32-bit integers: typed arrays of them sort and compare fast, and V8 hashes the small
 * ones (below 2³⁰ in magnitude) far faster than strings or doubles.
 */
export interface TermCounts {
  ids: Int32Array
  counts: Float64Array
}

/** A document as a sparse tf-idf vector; ids ascending. */
export interface TermVector {
  ids: Int32Array
  /** tf-idf weight per feature, for cosine similarity. */
  weights: Float64Array
  /** idf per feature (presence only), for containment. */
  idf: Float64Array
  norm: number
  idfSum: number
}

/** Idf of features over a set of documents, and the vectors of documents in that vocabulary. */
export interface TfidfModel {
  /** Feature → idf, for every feature the documents hold. */
  idf: Map<number, number>
  /** A document's vector; a feature unknown to the documents counts as found in none (rare, but finite). */
  vector(terms: TermCounts): TermVector
}

/** Term counts from a feature → count map (any order). */
export function termCounts(counts: ReadonlyMap<number, number>): TermCounts {
  const ids = Int32Array.from(counts.keys()).sort()
  const out = new Float64Array(ids.length)
  for (let i = 0; i < ids.length; i++) out[i] = counts.get(ids[i]) ?? 0
  return { ids, counts: out }
}

/** Term counts of a list of feature occurrences: sorted, then run-length counted (no Map per document). */
export function countTerms(occurrences: ArrayLike<number>): TermCounts {
  const all = Int32Array.from(occurrences).sort()
  const ids: number[] = []
  const counts: number[] = []
  for (let i = 0; i < all.length; i++) {
    if (i && all[i] === all[i - 1]) counts[counts.length - 1]++
    else {
      ids.push(all[i])
      counts.push(1)
    }
  }
  return { ids: Int32Array.from(ids), counts: Float64Array.from(counts) }
}

/** Fits the idf of every feature of `documents` with `formula`; a document's repeated features count once. */
export function fitTfidf(documents: readonly TermCounts[], formula: IdfFormula): TfidfModel {
  const idf = new Map<number, number>()
  // Document frequencies first, then turned into idf in the same map (one map fewer to allocate).
  for (const doc of documents) for (const id of doc.ids) idf.set(id, (idf.get(id) ?? 0) + 1)
  const n = Math.max(1, documents.length)
  for (const [id, df] of idf) idf.set(id, formula(df, n))
  const unseen = formula(0, n)
  return { idf, vector: (terms) => weigh(terms, (id) => idf.get(id) ?? unseen) }
}

/** Sublinear tf times idf per feature; a feature whose weight is not positive is left out. */
function weigh({ ids, counts }: TermCounts, idfOf: (id: number) => number): TermVector {
  const kept = new Int32Array(ids.length)
  const weights = new Float64Array(ids.length)
  const idf = new Float64Array(ids.length)
  let size = 0
  let norm = 0
  let idfSum = 0
  for (let k = 0; k < ids.length; k++) {
    const i = idfOf(ids[k])
    const w = termWeight(counts[k], i)
    if (!(w > 0)) continue
    kept[size] = ids[k]
    weights[size] = w
    idf[size++] = i
    norm += w * w
    idfSum += i
  }
  return { ids: kept.subarray(0, size), weights: weights.subarray(0, size), idf: idf.subarray(0, size), norm: Math.sqrt(norm), idfSum }
}

/** Cosine similarity of two vectors, 0..1; 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
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

/**
 * Cosine similarity of every row against every column, rows × columns, row-major. Walks an inverted
 * index of the columns, so that only shared features are visited: many pairs at once cost far less
 * than one cosine per pair when most pairs share little.
 */
export function cosineMatrix(rows: readonly TermVector[], columns: readonly TermVector[]): Float64Array {
  const postings = new Map<number, { col: number; w: number }[]>()
  columns.forEach(({ ids, weights, norm }, col) => {
    for (let i = 0; i < ids.length; i++) {
      const p = { col, w: weights[i] / norm }
      const list = postings.get(ids[i])
      if (list) list.push(p)
      else postings.set(ids[i], [p])
    }
  })
  const out = new Float64Array(rows.length * columns.length)
  rows.forEach(({ ids, weights, norm }, r) => {
    const base = r * columns.length
    for (let i = 0; i < ids.length; i++) {
      const list = postings.get(ids[i])
      if (!list) continue
      const w = weights[i] / norm
      for (const p of list) out[base + p.col] += w * p.w
    }
  })
  return out
}

/** How much of `a` (idf-weighted features) also occurs in `b`, 0..1: high when a's text was put into b. */
export function containment(a: TermVector, b: TermVector): number {
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

/** How much of `a` (idf-weighted features) occurs in at least one of `others`, 0..1. */
export function coverage(a: TermVector, others: readonly TermVector[]): number {
  if (!a.idfSum) return 0
  const present = new Set<number>()
  for (const o of others) for (const id of o.ids) present.add(id)
  let shared = 0
  a.ids.forEach((id, k) => {
    if (present.has(id)) shared += a.idf[k]
  })
  return shared / a.idfSum
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

/**
 * The diff's profiles: texts as vectors of character bigrams, with the idf from `documents` (the items
 * of both plans): bigrams every item shares (教育, 推进) weigh little, rare ones (托班, 特教) a lot,
 * which is what separates two items on the same topic from two that only share the domain's words.
 */
export function createProfiler(documents: string[]): (text: string) => TermVector {
  // Bigram keys become dense ids of this profiler's own vocabulary: 32-bit whatever the keys grow to.
  const vocab = new Map<number, number>()
  const ids = (text: string): number[] =>
    bigramKeys(text).map((key) => {
      let id = vocab.get(key)
      if (id === undefined) vocab.set(key, (id = vocab.size))
      return id
    })
  const known = new Map<string, { terms: TermCounts; vector?: TermVector }>()
  const counted = documents.map((doc) => {
    let k = known.get(doc)
    if (!k) known.set(doc, (k = { terms: countTerms(ids(doc)) }))
    return k.terms
  })
  const model = fitTfidf(counted, IDF.smooth)
  return (text) => {
    const k = known.get(text)
    if (!k) return model.vector(countTerms(ids(text)))
    // A document's vector is asked for again and again (title, whole item, groups): weigh it once.
    return (k.vector ??= model.vector(k.terms))
  }
}

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

/** Characters that carry meaning for similarity; punctuation and spaces are dropped first. */
const NOT_CONTENT = /[^\p{L}\p{N}]+/gu

/** The character bigrams of a text's letters and digits (one unigram for a single character). */
export function bigramsOf(text: string): string[] {
  const chars = Array.from(text.replace(NOT_CONTENT, ''))
  if (chars.length === 1) return chars
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
  return out
}

/**
 * Builds profiles in one vocabulary whose idf comes from `documents` (the items of both plans):
 * bigrams every item shares (教育, 推进) weigh little, rare ones (托班, 特教) a lot, which is what
 * separates two items on the same topic from two items that only share the domain's vocabulary.
 */
export function createProfiler(documents: string[]): (text: string) => Profile {
  const vocab = new Map<string, number>()
  const df: number[] = []
  for (const doc of documents) {
    for (const g of new Set(bigramsOf(doc))) {
      let id = vocab.get(g)
      if (id === undefined) {
        id = vocab.size
        vocab.set(g, id)
        df.push(0)
      }
      df[id]++
    }
  }
  const n = Math.max(1, documents.length)
  // Bigrams outside the documents get the weight of a bigram seen once.
  const idfOf = (id: number | undefined): number => Math.log(1 + n / (id === undefined ? 1 : df[id]))
  return (text: string): Profile => {
    const counts = new Map<number, number>()
    for (const g of bigramsOf(text)) {
      let id = vocab.get(g)
      if (id === undefined) {
        id = vocab.size
        vocab.set(g, id)
        df.push(0)
        // Unknown to the corpus: treat as seen once so that it counts as rare but finite.
        df[id] = 1
      }
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b))
    const weights = new Float64Array(ids.length)
    const idf = new Float64Array(ids.length)
    let norm = 0
    let idfSum = 0
    ids.forEach((id, k) => {
      idf[k] = idfOf(id)
      weights[k] = (1 + Math.log(counts.get(id) ?? 1)) * idf[k]
      norm += weights[k] * weights[k]
      idfSum += idf[k]
    })
    return { ids, weights, idf, norm: Math.sqrt(norm), idfSum }
  }
}

/** Cosine similarity of two profiles, 0..1; 0 when either is empty. */
export function cosine(a: Profile, b: Profile): number {
  if (!a.norm || !b.norm) return 0
  let dot = 0
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
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
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
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

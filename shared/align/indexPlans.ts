import { itemPlaces } from '../plan/numbering.ts'
import { IDF, termWeight } from '../text/tfidf.ts'
import type { Plan } from '../plan/types.ts'
import { DEFAULT_FEATURE_OPTIONS, itemFeatures, type FeatureKey, type FeatureOptions, type TextFeatures } from './features.ts'

/** How items are turned into weighted vectors. */
export interface IndexOptions {
  /** How many times a lead sentence counts against the body. @default 3 */
  titleWeight: number
  features: FeatureOptions
}

/** Default index options. */
export const DEFAULT_INDEX_OPTIONS: IndexOptions = { titleWeight: 3, features: DEFAULT_FEATURE_OPTIONS }

/** One item ready for scoring: its features, a unit-length tf-idf vector and its content text. */
export interface IndexedItem {
  id: string
  number: number
  title: string
  body: string
  features: TextFeatures
  /** Sparse tf-idf vector, L2-normalised: parallel arrays of features and weights (empty for an item with no content). */
  vector: SparseVector
  /** Content runs joined by |, to check that a shared phrase really occurs here. */
  content: string
}

/** A sparse vector as parallel arrays; cheaper to build and walk than a Map. */
export interface SparseVector {
  keys: Int32Array
  weights: Float64Array
}

/** Both plans' items with inverse document frequencies computed over the items of both plans. */
export interface PlanPairIndex {
  district: IndexedItem[]
  municipal: IndexedItem[]
  /** Feature → BM25-style idf; features in every item get almost nothing. */
  idf: Map<FeatureKey, number>
  options: IndexOptions
}

/** Indexes the items of a district plan and a municipal plan together (the idf needs both). */
export function indexPlans(district: Plan, municipal: Plan, options: IndexOptions = DEFAULT_INDEX_OPTIONS): PlanPairIndex {
  const raw = (plan: Plan): IndexedItem[] =>
    itemPlaces(plan).map(({ item, number }) => {
      const features = itemFeatures(item.title, item.body, options.titleWeight, options.features)
      return { id: item.id, number, title: item.title, body: item.body, features, vector: EMPTY, content: features.runs.join('|') }
    })
  const d = raw(district)
  const m = raw(municipal)
  // Document frequencies first, then turned into idf in the same map (one map fewer to allocate).
  const idf = new Map<FeatureKey, number>()
  for (const it of [...d, ...m]) for (const key of it.features.counts.keys()) idf.set(key, (idf.get(key) ?? 0) + 1)
  const n = d.length + m.length
  for (const [key, count] of idf) idf.set(key, IDF.bm25(count, n))
  for (const it of [...d, ...m]) it.vector = tfidfVector(it.features.counts, idf)
  return { district: d, municipal: m, idf, options }
}

/** Sublinear tf times idf, scaled to unit length so long items do not win by size. */
export function tfidfVector(counts: Map<FeatureKey, number>, idf: Map<FeatureKey, number>): SparseVector {
  const keys = new Int32Array(counts.size)
  const weights = new Float64Array(counts.size)
  let size = 0
  let norm = 0
  for (const [key, tf] of counts) {
    const w = termWeight(tf, idf.get(key) ?? 0)
    if (w <= 0) continue
    keys[size] = key
    weights[size++] = w
    norm += w * w
  }
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm)
  for (let i = 0; i < size; i++) weights[i] *= scale
  return { keys: keys.subarray(0, size), weights: weights.subarray(0, size) }
}

const EMPTY: SparseVector = { keys: new Int32Array(0), weights: new Float64Array(0) }

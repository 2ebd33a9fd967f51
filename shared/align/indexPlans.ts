import { itemPlaces } from '../plan/numbering.ts'
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
  /** Feature → tf-idf weight, L2-normalised (empty for an item with no content). */
  vector: Map<FeatureKey, number>
  /** Content runs joined by |, to check that a shared phrase really occurs here. */
  content: string
}

/** Both plans' items with inverse document frequencies computed over the items of both plans. */
export interface PlanPairIndex {
  district: IndexedItem[]
  municipal: IndexedItem[]
  /** Feature → BM25-style idf; features in every item get almost nothing. */
  idf: Map<FeatureKey, number>
  options: IndexOptions
}

/** BM25's idf: always positive, near zero for a feature found in nearly every item. */
export function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/** Indexes the items of a district plan and a municipal plan together (the idf needs both). */
export function indexPlans(district: Plan, municipal: Plan, options: IndexOptions = DEFAULT_INDEX_OPTIONS): PlanPairIndex {
  const raw = (plan: Plan): IndexedItem[] =>
    itemPlaces(plan).map(({ item, number }) => {
      const features = itemFeatures(item.title, item.body, options.titleWeight, options.features)
      return { id: item.id, number, title: item.title, body: item.body, features, vector: new Map(), content: features.runs.join('|') }
    })
  const d = raw(district)
  const m = raw(municipal)
  const df = new Map<FeatureKey, number>()
  for (const it of [...d, ...m]) for (const key of it.features.counts.keys()) df.set(key, (df.get(key) ?? 0) + 1)
  const n = d.length + m.length
  const idf = new Map<FeatureKey, number>()
  for (const [key, count] of df) idf.set(key, idfOf(count, n))
  for (const it of [...d, ...m]) it.vector = tfidfVector(it.features.counts, idf)
  return { district: d, municipal: m, idf, options }
}

/** Sublinear tf times idf, scaled to unit length so long items do not win by size. */
export function tfidfVector(counts: Map<FeatureKey, number>, idf: Map<FeatureKey, number>): Map<FeatureKey, number> {
  const v = new Map<FeatureKey, number>()
  let norm = 0
  for (const [key, tf] of counts) {
    const w = (1 + Math.log(tf)) * (idf.get(key) ?? 0)
    if (w <= 0) continue
    v.set(key, w)
    norm += w * w
  }
  if (norm === 0) return v
  const scale = 1 / Math.sqrt(norm)
  for (const [key, w] of v) v.set(key, w * scale)
  return v
}

import { itemPlaces } from '../plan/numbering.ts'
import { fitTfidf, IDF, termCounts, type TermVector } from '../text/tfidf.ts'
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

/** One item ready for scoring: its features, its tf-idf vector and its content text. */
export interface IndexedItem {
  id: string
  number: number
  title: string
  body: string
  features: TextFeatures
  /** The item's tf-idf vector in the pair's model (empty for an item with no content). */
  vector: TermVector
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

/** Indexes the items of a district plan and a municipal plan together (the idf needs both). */
export function indexPlans(district: Plan, municipal: Plan, options: IndexOptions = DEFAULT_INDEX_OPTIONS): PlanPairIndex {
  const featured = (plan: Plan) =>
    itemPlaces(plan).map(({ item, number }) => {
      const features = itemFeatures(item.title, item.body, options.titleWeight, options.features)
      return { item, number, features, terms: termCounts(features.counts) }
    })
  const d = featured(district)
  const m = featured(municipal)
  const model = fitTfidf(
    [...d, ...m].map((it) => it.terms),
    IDF.bm25,
  )
  const indexed = ({ item, number, features, terms }: (typeof d)[number]): IndexedItem => ({
    id: item.id,
    number,
    title: item.title,
    body: item.body,
    features,
    vector: model.vector(terms),
    content: features.runs.join('|'),
  })
  return { district: d.map(indexed), municipal: m.map(indexed), idf: model.idf, options }
}

import type { Plan } from '../plan/types.ts'
import { cosineMatrix } from '../text/tfidf.ts'
import { DEFAULT_INDEX_OPTIONS, indexPlans, type IndexOptions, type PlanPairIndex } from './indexPlans.ts'
import { sharedTerms } from './sharedTerms.ts'

/**
 * Score from which a suggestion counts as a strong link (an item is "aligned"). Chosen on the one pair
 * of seed documents (see README, "Alignment and checks"): treat it as a starting point, not a law.
 */
export const ALIGN_THRESHOLD = 0.065

/** Options of an alignment run. */
export interface AlignOptions {
  /** @default ALIGN_THRESHOLD */
  threshold: number
  /** Candidates kept per district item (terms are computed for these only). @default 3 */
  topK: number
  index: IndexOptions
}

/** A municipal item suggested for a district item. */
export interface AlignCandidate {
  municipalId: string
  number: number
  title: string
  /** Cosine similarity of the two items' tf-idf vectors, 0–1. */
  score: number
  /** Score at or above the threshold. */
  strong: boolean
  /** Shared key terms that explain the match, best first. */
  terms: string[]
}

/** The suggestions for one district item. */
export interface ItemAlignment {
  districtId: string
  number: number
  title: string
  /** True when the best candidate is strong. */
  aligned: boolean
  candidates: AlignCandidate[]
}

/** Suggestions for every district item plus the full score matrix (for a heat-map). */
export interface Alignment {
  threshold: number
  items: ItemAlignment[]
  municipal: { id: string; number: number; title: string }[]
  /** scores[d][m]: district item d (document order) against municipal item m. */
  scores: number[][]
  index: PlanPairIndex
}

/** Ranks, for every district item, the municipal items it supports, with scores and shared terms. */
export function alignPlans(district: Plan, municipal: Plan, options: Partial<AlignOptions> = {}): Alignment {
  const threshold = options.threshold ?? ALIGN_THRESHOLD
  const topK = options.topK ?? 3
  const index = indexPlans(district, municipal, options.index ?? DEFAULT_INDEX_OPTIONS)
  const cols = index.municipal.length
  const flat = cosineMatrix(
    index.district.map((d) => d.vector),
    index.municipal.map((m) => m.vector),
  )
  const scores: number[][] = index.district.map((_, r) => Array.from(flat.subarray(r * cols, (r + 1) * cols)))
  const items = index.district.map((d, r): ItemAlignment => {
    const ranked = scores[r]
      .map((score, col) => ({ score, col }))
      .filter((c) => c.score > 0)
      .sort((x, y) => y.score - x.score || x.col - y.col)
      .slice(0, topK)
    const candidates = ranked.map(({ score, col }): AlignCandidate => {
      const m = index.municipal[col]
      return { municipalId: m.id, number: m.number, title: m.title, score: round(score), strong: score >= threshold, terms: sharedTerms(d, m, index.idf) }
    })
    return { districtId: d.id, number: d.number, title: d.title, aligned: candidates.length > 0 && candidates[0].strong, candidates }
  })
  return { threshold, items, municipal: index.municipal.map(({ id, number, title }) => ({ id, number, title })), scores, index }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

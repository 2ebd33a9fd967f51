import { itemText } from '../plan/itemText.ts'
import type { PlanItem } from '../plan/types.ts'
import { containment, coverage, cosine, createProfiler, type TermVector } from '../text/tfidf.ts'

/** Share of the title in an item's similarity; the body carries the rest. */
export const TITLE_WEIGHT = 0.3

/** Profiles of the items of two plans, and the similarity measures the matcher needs. */
export interface ItemSimilarity {
  /** Title-weighted cosine similarity of old item o and new item n, 0..1. */
  similarity(o: number, n: number): number
  /** How much of old item o's text is in new item n (o merged into n). */
  oldInNew(o: number, n: number): number
  /** How much of new item n's text is in old item o (n split out of o). */
  newInOld(n: number, o: number): number
  /** How much of old item a's text is also in old item b. */
  oldInOld(a: number, b: number): number
  /** How much of new item a's text is also in new item b. */
  newInNew(a: number, b: number): number
  /** How much of new item n's text the old items together hold (n made of several old items). */
  newCoveredByOlds(n: number, olds: number[]): number
  /** How much of old item o's text the new items together hold (o's text spread over several new items). */
  oldCoveredByNews(o: number, news: number[]): number
  /** Cosine similarity of arbitrary texts in the same vocabulary (for merged or split groups). */
  textSimilarity(a: string, b: string): number
}

/** Builds the measures over one idf vocabulary made from the items of both plans. */
export function itemSimilarity(oldItems: PlanItem[], newItems: PlanItem[]): ItemSimilarity {
  const profile = createProfiler([...oldItems, ...newItems].map((it) => itemText(it)))
  const oldFull = oldItems.map((it) => profile(itemText(it)))
  const newFull = newItems.map((it) => profile(itemText(it)))
  const oldTitle = oldItems.map((it) => profile(it.title))
  const newTitle = newItems.map((it) => profile(it.title))
  const weighted = (ta: TermVector, tb: TermVector, fa: TermVector, fb: TermVector): number => {
    const full = cosine(fa, fb)
    // An item without a lead sentence (or with nothing but one) is judged on its whole text.
    if (!ta.norm || !tb.norm || ta.norm === fa.norm || tb.norm === fb.norm) return full
    return TITLE_WEIGHT * cosine(ta, tb) + (1 - TITLE_WEIGHT) * full
  }
  return {
    similarity: (o, n) => weighted(oldTitle[o], newTitle[n], oldFull[o], newFull[n]),
    oldInNew: (o, n) => containment(oldFull[o], newFull[n]),
    newInOld: (n, o) => containment(newFull[n], oldFull[o]),
    oldInOld: (a, b) => containment(oldFull[a], oldFull[b]),
    newInNew: (a, b) => containment(newFull[a], newFull[b]),
    newCoveredByOlds: (n, olds) =>
      coverage(
        newFull[n],
        olds.map((o) => oldFull[o]),
      ),
    oldCoveredByNews: (o, news) =>
      coverage(
        oldFull[o],
        news.map((n) => newFull[n]),
      ),
    textSimilarity: (a, b) => cosine(profile(a), profile(b)),
  }
}

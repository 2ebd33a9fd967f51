import { conceptKey, gramKey, markedKey, type FeatureKey } from './features.ts'
import { SYNONYM_GROUPS } from './synonyms.ts'
import type { IndexedItem } from './indexPlans.ts'

/** Shared phrases made only of features at least this rare are not shown (学生, 教育 explain nothing). */
const MIN_PHRASE_IDF = 1.2
/** Function characters that begin or end a phrase only by accident (的学生, 学校和). */
const EDGE = /^[的和与及等为在对以之其各把了从向并或]+|[的和与及等为在对以之其各把了从向并或]+$/g

const VARIANTS = new Set(SYNONYM_GROUPS.flatMap((g) => g.variants))

interface Scored {
  term: string
  score: number
}

/**
 * The key terms two items share, best first: quoted terms and 《titles》, then the longest shared
 * phrases and synonym concepts (shown as 托班/托育 when the two items spell them differently).
 */
export function sharedTerms(a: IndexedItem, b: IndexedItem, idf: Map<FeatureKey, number>, max = 6): string[] {
  const quoted: Scored[] = []
  for (const q of a.features.quoted) if (b.features.quoted.has(q)) quoted.push({ term: q, score: 100 + (idf.get(markedKey(q)) ?? 0) })
  const scored = [...quoted, ...sharedPhrases(a, b, idf), ...sharedConcepts(a, b, idf)].sort((x, y) => y.score - x.score)
  const chosen: string[] = []
  for (const { term } of scored) {
    if (chosen.length >= max) break
    const bare = term.replace(/[“”《》]/g, '')
    // A concept spelled the same on both sides is usually inside a longer shared phrase already.
    if (chosen.some((c) => c.replace(/[“”《》]/g, '').includes(bare) || bare.split('/').every((part) => c.includes(part)))) continue
    chosen.push(term)
  }
  return chosen
}

/** Maximal phrases of `a`'s content that also occur in `b`'s content, scored by the idf of their bigrams. */
function sharedPhrases(a: IndexedItem, b: IndexedItem, idf: Map<FeatureKey, number>): Scored[] {
  const found = new Map<string, number>()
  for (const run of a.content.split('|')) {
    let i = 0
    while (i + 2 <= run.length) {
      if (!b.features.bigrams.has(gramKey(run, i, 2))) {
        i++
        continue
      }
      let j = i + 2
      while (j < run.length && b.features.bigrams.has(gramKey(run, j - 1, 2))) j++
      // Consecutive shared bigrams need not form a phrase that b contains; shrink until it does.
      while (j - i > 2 && !b.content.includes(run.slice(i, j))) j--
      const phrase = run.slice(i, j).replace(EDGE, '')
      const score = phraseScore(phrase, idf)
      if (score > 0 && b.content.includes(phrase) && wordLike(phrase, a.content, b.content)) found.set(phrase, Math.max(found.get(phrase) ?? 0, score))
      i = j - 1
    }
  }
  return [...found].map(([term, score]) => ({ term, score }))
}

/** Sum of the idf of a phrase's bigrams, or 0 when none of them is rare enough to explain anything. */
function phraseScore(phrase: string, idf: Map<FeatureKey, number>): number {
  let score = 0
  let best = 0
  for (let k = 0; k + 2 <= phrase.length; k++) {
    const w = idf.get(gramKey(phrase, k, 2)) ?? 0
    score += w
    best = Math.max(best, w)
  }
  return best >= MIN_PHRASE_IDF ? score : 0
}

/**
 * Without a dictionary a short match is often half of one word and half of the next (德育实训 /
 * 德育实践 share 育实, 思政教师 / 思政教育 share 思政教). Keep a phrase of up to three characters only
 * where both texts have it at the edge of a content run (next to punctuation or a stop word).
 */
function wordLike(phrase: string, a: string, b: string): boolean {
  if (phrase.length > 3 || VARIANTS.has(phrase)) return true
  return atEdge(phrase, a) && atEdge(phrase, b)
}

/** True when some occurrence of `phrase` in the |-joined runs starts or ends a run. */
function atEdge(phrase: string, text: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const end = at + phrase.length
    if (at === 0 || text[at - 1] === '|' || end === text.length || text[end] === '|') return true
  }
  return false
}

function sharedConcepts(a: IndexedItem, b: IndexedItem, idf: Map<FeatureKey, number>): Scored[] {
  const out: Scored[] = []
  for (const [concept, hit] of a.features.concepts) {
    const other = b.features.concepts.get(concept)
    if (!other) continue
    const same = hit.variants.filter((v) => other.variants.includes(v))
    const term = same.length ? longest(same) : `${longest(hit.variants)}/${longest(other.variants)}`
    out.push({ term, score: 1.5 * (idf.get(conceptKey(concept)) ?? 0) + term.length * 0.1 })
  }
  return out
}

function longest(words: string[]): string {
  return words.reduce((x, y) => (y.length > x.length ? y : x))
}
